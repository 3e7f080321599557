package org.carillon.pbx.call;

import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.SipResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One round of ringing an extension: its branches (one per registered contact), the media leg they share (opened
 * beside the party that will be bridged to whoever answers), and why we ring — the first call, or a transfer asked
 * for by {@link #transferor}. Call executor only.
 */
final class Attempt {
    final String number;
    final Party stays;
    final MediaLeg media;
    final LocalAudio local;
    final SdpSession sdp;
    final SessionDescription offer;
    final List<CalleeLeg> branches = new ArrayList<>();
    /** The party that sent REFER, when this attempt is a blind transfer. */
    final Optional<Party> transferor;
    SipScheduler.Timeout noAnswer;
    /** How the extension rings and where the caller goes if it does not answer; empty for transfers. */
    Optional<CallForwarding.Rule> rule = Optional.empty();
    /** The application's offer this attempt rings for; null for the call's own ringing and for transfers. */
    Offer offering;
    boolean earlyMediaBridged;
    boolean done;

    Attempt(String number, Party stays, MediaLeg media, LocalAudio local, SdpSession sdp, SessionDescription offer,
            Optional<Party> transferor) {
        this.number = number;
        this.stays = stays;
        this.media = media;
        this.local = local;
        this.sdp = sdp;
        this.offer = offer;
        this.transferor = transferor;
    }

    boolean transfer() {
        return transferor.isPresent();
    }

    /**
     * The audio a branch's 2xx agrees to our offer.
     *
     * @throws OfferAnswerException when the 2xx carries no usable SDP answer
     */
    NegotiatedAudio agreed(SipResponse ok) {
        return AudioOfferer.accept(offer, Call.safeSdp(ok).orElseThrow(
                () -> new OfferAnswerException("2xx without SDP answer")), local);
    }

        boolean allEnded() {
        return branches.stream().allMatch(b -> b.state() == CalleeLeg.State.ENDED);
    }
}
