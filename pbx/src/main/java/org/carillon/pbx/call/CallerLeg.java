package org.carillon.pbx.call;

import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.AudioAnswerer;
import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogUsage;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.transport.Flow;

import java.util.Optional;

/**
 * The caller's leg (A): the INVITE we answer as a UAS, our dialog with the caller, and the media leg facing it.
 * The caller's offer is answered as soon as the call starts, so ringback and prompts can flow before the callee
 * answers. Call executor only.
 */
final class CallerLeg implements Party {
    private final Signalling sip;
    /**
     * The caller's INVITE and its server transaction, until our final response to it is sent; then null. A call
     * lasts minutes and the parsed INVITE (its bytes, header slices, decoded values) and the transaction's last
     * responses are several kB that nothing reads after the final response: the stack retransmits our 2xx and
     * absorbs the ACK itself (RFC 3261 §13.3.1.4), and in-dialog requests go through {@link #dialog}. What the
     * leg reads later is copied out first: {@link #callId}, {@link #remoteTag}, {@link #flow},
     * {@link #sessionExpiresAsked}.
     */
    private ServerTransaction inviteTx;
    private SipRequest invite;
    private final String callId;
    private final String remoteTag;
    private final Flow flow;
    private final Optional<String> sessionExpiresAsked;
    private final String tag = Tags.generate();
    private final String user;
    private final String number;
    private MediaLeg media;
    private SdpSession sdpSession;
    private LocalAudio local;
    private SessionDescription answer;
    private Dialog dialog;
    private boolean finalSent;
    private boolean progressSent;
    /** Our offer while the caller's answer (in its ACK) is awaited; null otherwise. */
    private SessionDescription lateOffer;

    /** Our tag in the caller's dialog (the To tag of every response we send it). */
    String tag() {
        return tag;
    }

    /**
     * @param user   user part of our Contact towards this party (what it dialled)
     * @param number the calling extension's number
     */
    CallerLeg(Signalling sip, ServerTransaction inviteTx, String user, String number) {
        this.sip = sip;
        this.inviteTx = inviteTx;
        this.invite = inviteTx.request();
        this.callId = invite.callId();
        this.remoteTag = invite.from().tag().orElse("");
        this.flow = inviteTx.source();
        this.sessionExpiresAsked = invite.headers().first(HeaderName.SESSION_EXPIRES);
        this.user = user;
        this.number = number;
    }

    /**
     * Opens the media leg and answers the caller's offer with it; an INVITE without an offer gets ours in the 200
     * (late offer, answered in the ACK: {@link #acknowledged}).
     *
     * @throws OfferAnswerException when the offer has no codec in common (488)
     */
    void openMedia(CallMedia mediaSide, Optional<MediaLeg> beside) {
        Optional<SessionDescription> offered = Signalling.sdp(invite);
        media = beside.map(b -> mediaSide.engine().openLegBeside(b)).orElseGet(() -> mediaSide.engine().openLeg());
        local = mediaSide.local(media.localPort());
        sdpSession = new SdpSession("carillon", mediaSide.address());
        if (offered.isEmpty()) {
            // late offer (RFC 3261 §13.2.1): our 200 carries the offer, the caller answers in its ACK; until then
            // the leg knows no peer and sends nothing
            lateOffer = AudioOfferer.offer(local, sdpSession, Direction.SENDRECV);
            answer = lateOffer;
            return;
        }
        SessionDescription offer = offered.get();
        AudioAnswerer.Answer a = AudioAnswerer.answer(offer, local, sdpSession, Direction.SENDRECV);
        answer = a.sdp();
        media.apply(a.audio()).join();
    }

    @Override
    public SessionDescription reanswer(SessionDescription offer) {
        AudioAnswerer.Answer a = AudioAnswerer.answer(offer, local, sdpSession, Direction.SENDRECV);
        answer = a.sdp();
        media.apply(a.audio()).join();
        return answer;
    }

    @Override
    public MediaLeg media() {
        return media;
    }

    @Override
    public String callId() {
        return callId;
    }

    /** The caller's tag (the From tag of its INVITE). */
    String remoteTag() {
        return remoteTag;
    }

    /** The Session-Expires of the caller's INVITE, if it asked for session timers (RFC 4028 §9). */
    Optional<String> sessionExpiresAsked() {
        return sessionExpiresAsked;
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public boolean up() {
        return dialog != null && dialog.state() != org.carillon.sip.dialog.DialogState.TERMINATED;
    }

    @Override
    public void byeReceived() {
        if (dialog != null) {
            dialog.terminate();
        }
    }

    @Override
    public void send(SipRequest request) {
        request.headers().add(HeaderName.CONTACT, sip.contact(user, flow().transport()));
        sip.send(request, flow(), Signalling.ignoring());
    }

    @Override
    public org.carillon.sip.transport.Transport transport() {
        return flow().transport();
    }

    Optional<MediaLeg> mediaIfOpen() {
        return Optional.ofNullable(media);
    }

    /**
     * The caller's INVITE transaction, while no final response has been sent to it (a pickup or a parked call's
     * retrieval hands an unanswered caller over).
     *
     * @throws IllegalStateException once the final response is sent
     */
    ServerTransaction transaction() {
        if (inviteTx == null) {
            throw new IllegalStateException("the caller's INVITE was already answered");
        }
        return inviteTx;
    }

    /** Whether {@code tx} is the caller's INVITE transaction, still unanswered. */
    boolean isInviteTransaction(ServerTransaction tx) {
        return inviteTx != null && inviteTx == tx;
    }

    Flow flow() {
        return flow;
    }

    @Override
    public Optional<Dialog> dialog() {
        return Optional.ofNullable(dialog);
    }

    boolean answered() {
        return dialog != null;
    }

    boolean finalSent() {
        return finalSent;
    }

    /** True while our 200 carried the offer and the caller's ACK has not answered it yet. */
    boolean awaitingAnswer() {
        return lateOffer != null;
    }

    /**
     * The caller's ACK of our 200: with a late offer, it carries the answer, applied to the leg now.
     *
     * @return false when an answer was due and the ACK has none usable (the call must then end, §13.2.1)
     */
    boolean acknowledged(SipRequest ack) {
        if (lateOffer == null) {
            return true;
        }
        try {
            Optional<SessionDescription> sdp = Signalling.sdp(ack);
            if (sdp.isEmpty()) {
                return false;
            }
            media.apply(AudioOfferer.accept(lateOffer, sdp.get(), local)).join();
            lateOffer = null;
            return true;
        } catch (OfferAnswerException | org.carillon.media.sdp.SdpParseException e) {
            return false;
        }
    }

    boolean progressSent() {
        return progressSent;
    }

    /** 180 or 183; with our answer when the caller is to hear early media (the callee's, or a prompt). */
    void progress(int status, boolean withSdp) {
        if (finalSent) {
            return;
        }
        SipResponse r = invite.createResponse(status, Optional.of(tag));
        r.headers().add(HeaderName.CONTACT, sip.contact(user, flow().transport()));
        if (withSdp && lateOffer == null) { // a late offer goes in the 200 only: a 1xx is not reliable here
            Signalling.body(r, answer);
        }
        try {
            inviteTx.respond(r);
            progressSent = true;
        } catch (IllegalStateException cancelled) {
            release(); // a CANCEL got in first: the stack sent 487
        }
    }

    /** Sends 200 OK with our answer. @return false when the INVITE was already finished (CANCEL won the race) */
    boolean answer(Optional<String> sessionExpires) {
        if (finalSent) {
            return false;
        }
        SipResponse r = invite.createResponse(200, Optional.of(tag));
        r.headers().add(HeaderName.CONTACT, sip.contact(user, flow().transport()));
        r.headers().add(HeaderName.ALLOW, Signalling.ALLOW);
        sessionExpires.ifPresent(se -> {
            r.headers().add(HeaderName.SESSION_EXPIRES, se);
            r.headers().add(HeaderName.REQUIRE, "timer");
        });
        Signalling.body(r, answer);
        try {
            inviteTx.respond(r);
        } catch (IllegalStateException cancelled) {
            release();
            return false;
        }
        dialog = Dialog.asUas(invite, r, DialogUsage.INVITE);
        release();
        return true;
    }

    /** A final failure response (never after an answer). */
    void reject(int status) {
        reject(status, org.carillon.sip.message.ReasonPhrases.of(status));
    }

    /** A final failure response with {@code reason} as its reason phrase. */
    void reject(int status, String reason) {
        if (finalSent) {
            return;
        }
        try {
            SipResponse r = invite.createResponse(status, reason);
            if (invite.to().tag().isEmpty()) {
                r.setTo(r.to().withTag(tag));
            }
            inviteTx.respond(r);
        } catch (IllegalStateException alreadyFinished) {
            // CANCEL got in first
        } finally {
            release();
        }
    }

    /** Marks the INVITE finished by the stack (CANCEL: 487 already sent). */
    void cancelled() {
        release();
    }

    /** The INVITE has its final response: nothing here reads it or its transaction again (see {@link #invite}). */
    private void release() {
        finalSent = true;
        invite = null;
        inviteTx = null;
    }

    /** Sends BYE if the caller was answered. */
    @Override
    public void bye() {
        if (up()) {
            SipRequest bye = dialog.createRequest(SipMethod.BYE);
            dialog.terminate();
            sip.send(bye, flow(), Signalling.ignoring());
        }
    }

    void close() {
        if (media != null) {
            media.close();
        }
    }
}
