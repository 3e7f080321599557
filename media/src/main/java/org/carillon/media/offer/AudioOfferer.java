package org.carillon.media.offer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.MediaDescription;
import org.carillon.media.sdp.SessionDescription;

/**
 * Makes our offers (initial, re-offer for hold/resume or a moved stream) and reads the answers to them
 * (RFC 3264 §5, §7, §8). Stateless; the {@link SdpSession} carries the o= version.
 */
public final class AudioOfferer {

    private AudioOfferer() {
    }

    /** An offer of one audio stream with all of {@code local}'s codecs and telephone-event. */
    public static SessionDescription offer(LocalAudio local, SdpSession session, Direction direction) {
        var pts = local.formats().stream().map(f -> new int[] {f.staticType().orElse(96)}).toList();
        MediaDescription m = AudioSdp.audio(local, pts, local.formats(),
                OptionalInt.of(local.telephoneEventPayloadType()), direction);
        return session.stamp(AudioSdp.body(local, List.of(m)));
    }

    /**
     * Reads the answer to {@code offer}, which was made from {@code local}.
     *
     * @throws OfferAnswerException if the answer rejects the audio stream, changes the number of m-lines,
     *     or picks no codec we offered
     */
    public static NegotiatedAudio accept(SessionDescription offer, SessionDescription answer, LocalAudio local) {
        if (answer.media().size() != offer.media().size()) {
            throw new OfferAnswerException("answer has " + answer.media().size() + " m-lines, offer had "
                    + offer.media().size() + " (RFC 3264 §6)");
        }
        MediaDescription ours = offer.media().getFirst();
        MediaDescription theirs = answer.media().getFirst();
        var answered = new OfferedFormats(theirs);
        if (!answered.usableAudio()) {
            throw new OfferAnswerException("audio stream rejected by the answerer");
        }
        var offered = new OfferedFormats(ours);
        List<AudioFormat> ourFormats = local.formats().stream()
                .filter(f -> offered.payloadTypeOf(f).isPresent()).toList();
        Optional<AudioFormat> codec = answered.firstCommon(ourFormats);
        if (codec.isEmpty()) {
            throw new OfferAnswerException("answer picked no codec we offered");
        }
        Direction direction = Direction.of(offer, ours).and(Direction.of(answer, theirs).reverse());
        return new NegotiatedAudio(OfferedFormats.address(answer, theirs), codec.get(),
                answered.payloadTypeOf(codec.get()).orElseThrow(), offered.payloadTypeOf(codec.get()).orElseThrow(),
                answered.payloadTypeOf(AudioFormat.TELEPHONE_EVENT),
                offered.payloadTypeOf(AudioFormat.TELEPHONE_EVENT), answered.ptime(), direction);
    }
}
