package org.carillon.media.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.MediaDescription;
import org.carillon.media.sdp.SessionDescription;

/**
 * Answers an offer for audio (RFC 3264 §6): the first usable audio stream is accepted with one codec,
 * the first of the offerer's formats (in its order of preference) that we support, plus telephone-event
 * if offered; every other stream is rejected with port 0, keeping the number and order of m-lines.
 *
 * <p>Direction is the offer's reversed and limited by what we want: an offer with {@code sendonly} (the
 * peer holds us) gets {@code recvonly}; when we hold, pass {@link Direction#SENDONLY} or
 * {@link Direction#INACTIVE} as {@code wanted}. Stateless; thread-safe.
 */
public final class AudioAnswerer {

    /** An answer body and what it agreed. */
    public record Answer(SessionDescription sdp, NegotiatedAudio audio) {
    }

    private AudioAnswerer() {
    }

    /**
     * Answers {@code offer}.
     *
     * @throws OfferAnswerException when no audio stream has a codec in common with {@code local}
     */
    public static Answer answer(SessionDescription offer, LocalAudio local, SdpSession session, Direction wanted) {
        var media = new ArrayList<MediaDescription>();
        NegotiatedAudio agreed = null;
        for (MediaDescription m : offer.media()) {
            var offered = new OfferedFormats(m);
            Optional<AudioFormat> codec = agreed == null && offered.usableAudio()
                    ? offered.firstCommon(local.formats()) : Optional.empty();
            if (codec.isEmpty()) {
                media.add(AudioSdp.rejected(m));
                continue;
            }
            int pt = offered.payloadTypeOf(codec.get()).orElseThrow();
            OptionalInt te = offered.payloadTypeOf(AudioFormat.TELEPHONE_EVENT);
            Direction direction = Direction.of(offer, m).reverse().and(wanted);
            media.add(AudioSdp.audio(local, List.<int[]>of(new int[] {pt}), List.of(codec.get()), te, direction));
            agreed = new NegotiatedAudio(OfferedFormats.address(offer, m), codec.get(), pt, pt, te, te,
                    offered.ptime(), direction);
        }
        if (agreed == null) {
            throw new OfferAnswerException("no audio stream with a codec in common (we take "
                    + local.formats().stream().map(AudioFormat::encoding).toList() + ")");
        }
        return new Answer(session.stamp(AudioSdp.body(local, media)), agreed);
    }
}
