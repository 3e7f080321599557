package org.carillon.pbx.call;

import org.carillon.media.sdp.SessionDescription;
import org.carillon.pbx.registrar.Binding;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogUsage;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.transaction.ClientTransaction;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.transaction.TransactionState;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;

import java.util.Optional;
import java.util.UUID;

/**
 * One branch towards the callee (B): an INVITE to one registered contact, sent as a UAC, and the dialog it makes.
 * A call forks one per contact; the first to answer wins and the others are cancelled (or, if they answer too,
 * acknowledged and hung up). Call executor only.
 */
final class CalleeLeg implements Party {
    /** Where a branch stands. Transitions: CALLING → EARLY → CONFIRMED → ENDED; CALLING/EARLY → ENDED. */
    enum State { CALLING, EARLY, CONFIRMED, ENDED }

    private final BranchOwner call;
    private final Attempt attempt;
    private final CallService service;
    private final Signalling sip;
    private final Binding binding;
    private final Flow flow;
    /**
     * Our INVITE and its client transaction, until the callee's 2xx is acknowledged; then null: for the rest of the
     * call (minutes) the dialog and {@link #ack} (resent if the 2xx is, §13.2.2.4) are all the leg needs, and the
     * INVITE with its body and the transaction's responses are kB per call (issue 6's heap per call).
     */
    private SipRequest invite;
    private ClientTransaction tx;
    private Responses responses;
    private final String callId;
    private Dialog dialog;
    private SipRequest ack;
    private State state = State.CALLING;
    private boolean cancelRequested;
    private boolean cancelSent;
    private int finalStatus;
    private final SessionRefresh sessionTimer;
    private boolean peerAllowsUpdate;

    CalleeLeg(BranchOwner call, Attempt attempt, CallService service, Binding binding, Address from, Address to,
              String contactUser, SessionDescription offer) {
        this.call = call;
        this.attempt = attempt;
        this.service = service;
        this.sip = service.signalling();
        this.binding = binding;
        this.flow = binding.path().isEmpty() ? binding.source() : null;
        Uri target = Uri.parse(binding.target());
        this.invite = SipRequest.create(SipMethod.INVITE, target);
        for (String route : binding.path()) {
            invite.headers().add(HeaderName.ROUTE, route);
        }
        invite.setFrom(from.withTag(Tags.generate()));
        invite.setTo(to);
        invite.headers().add(HeaderName.CALL_ID, UUID.randomUUID() + "@carillon");
        invite.setCSeq(new CSeq(1, SipMethod.INVITE));
        invite.headers().add(HeaderName.CONTACT, sip.contact(contactUser, binding.source().transport()));
        invite.headers().add(HeaderName.ALLOW, Signalling.ALLOW);
        SessionRefresh.ask(invite, service.settings().sessionExpires());
        Signalling.body(invite, offer);
        this.callId = invite.callId();
        this.sessionTimer = new SessionRefresh(service.scheduler(), this::onOwner, new Refresher());
    }

    static Address address(Optional<String> display, String user, String domain) {
        return new Address(display, SipUri.of(user, domain), Parameters.EMPTY);
    }

    @Override
    public String callId() {
        return callId;
    }

    Attempt attempt() {
        return attempt;
    }

    @Override
    public String number() {
        return attempt.number;
    }

    @Override
    public org.carillon.media.leg.MediaLeg media() {
        return attempt.media;
    }

    @Override
    public boolean up() {
        return state == State.CONFIRMED;
    }

    @Override
    public SessionDescription reanswer(SessionDescription offer) {
        var a = org.carillon.media.offer.AudioAnswerer.answer(offer, attempt.local, attempt.sdp,
                org.carillon.media.sdp.Direction.SENDRECV);
        attempt.media.apply(a.audio()).join();
        return a.sdp();
    }

    @Override
    public org.carillon.sip.transport.Transport transport() {
        return binding.source().transport();
    }

    State state() {
        return state;
    }

    int finalStatus() {
        return finalStatus;
    }

    Binding binding() {
        return binding;
    }

    @Override
    public Optional<Dialog> dialog() {
        return Optional.ofNullable(dialog);
    }

    /** Sends the INVITE; responses come back on the call's executor. */
    void start() {
        responses = new Responses(this);
        tx = flow == null ? sip.stack().send(invite, responses) : sip.send(invite, flow, responses);
    }

    /**
     * The INVITE transaction's listener. The stack keeps it for Timer M (RFC 6026: 32 s after the first 2xx) to hand
     * on resent 2xx; while the leg lives it passes everything to the call's executor. Once the leg has ended after
     * its ACK, a resent 2xx needs only that ACK again (§13.2.2.4), so the listener lets go of the leg, and with it of
     * the whole ended call and its media (issue 6's heap per call: 32 s × the call rate).
     */
    private static final class Responses implements ResponseListener {
        private volatile CalleeLeg leg;
        private volatile Runnable ackAgain;

        Responses(CalleeLeg leg) {
            this.leg = leg;
        }

        /** The leg ended with its ACK sent: from now on a 2xx only gets the ACK again. */
        void retire(Signalling sip, SipRequest ack, Flow hop) {
            ackAgain = () -> sip.sendAck(ack, hop);
            leg = null;
        }

        @Override
        public void onResponse(SipResponse response) {
            Runnable again = ackAgain;
            if (again != null) {
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    again.run();
                }
                return;
            }
            CalleeLeg l = leg;
            l.call.executor().execute(() -> l.call.onBranchResponse(l, response));
        }

        @Override
        public void onTimeout() {
            CalleeLeg l = leg;
            if (l != null) {
                l.call.executor().execute(() -> l.call.onBranchFailed(l, 408));
            }
        }

        @Override
        public void onTransportError() {
            CalleeLeg l = leg;
            if (l != null) {
                l.call.executor().execute(() -> l.call.onBranchFailed(l, 503));
            }
        }
    }

    /** The leg has ended after its 2xx was acknowledged: the transaction's listener keeps only the ACK. */
    private void retireListener() {
        if (responses != null && ack != null) {
            responses.retire(sip, ack, hop());
        }
    }

    /** A provisional response: the early dialog, and a CANCEL that was waiting for it (§9.1). */
    void provisional(SipResponse r) {
        if (state == State.CALLING && r.statusCode() > 100 && r.to().tag().isPresent() && r.contacts().addresses()
                .size() > 0) {
            dialog = Dialog.asUac(invite, r, DialogUsage.INVITE);
            state = State.EARLY;
        }
        if (cancelRequested && !cancelSent) {
            sendCancel();
        }
    }

    /** A 2xx: confirms the dialog and acknowledges it. @return false for a retransmission already acknowledged */
    boolean confirm(SipResponse r) {
        if (state == State.CONFIRMED || (state == State.ENDED && ack != null)) {
            sip.sendAck(ack, hop()); // the 2xx was resent: our ACK was lost (§13.2.2.4)
            return false;
        }
        if (dialog == null || !dialog.id().remoteTag().equals(r.to().tag().orElse(""))) {
            dialog = Dialog.asUac(invite, r, DialogUsage.INVITE);
        } else {
            dialog.onResponse(r);
        }
        state = State.CONFIRMED;
        finalStatus = r.statusCode();
        ack = dialog.createAck(invite.cseq().number());
        invite = null; // see the field: no CANCEL after a 2xx, and the ACK is kept
        tx = null;
        sip.sendAck(ack, hop());
        peerAllowsUpdate = r.headers().all(HeaderName.ALLOW).stream()
                .anyMatch(a -> a.toUpperCase(java.util.Locale.ROOT).contains("UPDATE"));
        sessionTimer.answered(r);
        return true;
    }

    /** A failure final response, timeout or transport error. */
    void failed(int status) {
        if (state != State.CONFIRMED) {
            state = State.ENDED;
            finalStatus = status;
        }
    }

    /** Stops this branch: CANCEL while it rings (or once it does), BYE if it already answered. */
    void stop() {
        switch (state) {
            case CALLING, EARLY -> {
                cancelRequested = true;
                if (tx != null && tx.state() == TransactionState.PROCEEDING && !cancelSent) {
                    sendCancel();
                }
            }
            case CONFIRMED -> bye();
            case ENDED -> {
            }
        }
    }

    boolean stopping() {
        return cancelRequested;
    }

    private void sendCancel() {
        cancelSent = true;
        if (tx == null) {
            return; // a 2xx was acknowledged already: the call hangs up with BYE instead
        }
        try {
            sip.stack().cancel(tx, Signalling.ignoring());
        } catch (IllegalStateException answeredMeanwhile) {
            // the final response is on its way: a 2xx will be acknowledged and hung up
        }
    }

    /** The callee hung up (its BYE was answered). */
    @Override
    public void byeReceived() {
        state = State.ENDED;
        sessionTimer.stop();
        dialog.terminate();
        retireListener();
    }

    @Override
    public void bye() {
        sessionTimer.stop();
        if (state == State.CONFIRMED) {
            state = State.ENDED;
            SipRequest bye = dialog.createRequest(SipMethod.BYE);
            dialog.terminate();
            send(bye);
            retireListener();
        }
    }

    /** Sends an in-dialog request to the callee. */
    @Override
    public void send(SipRequest request) {
        if (!request.headers().contains(HeaderName.CONTACT)) {
            request.headers().add(HeaderName.CONTACT, sip.contact(call.caller(), transport()));
        }
        if (flow == null) {
            sip.stack().send(request, Signalling.ignoring());
        } else {
            sip.send(request, flow, Signalling.ignoring());
        }
    }

    /** The callee refreshed the session (its re-INVITE or UPDATE): the Session-Expires of our 2xx, if any. */
    Optional<String> refreshedByPeer(SipRequest request) {
        return sessionTimer.refreshedByPeer(request);
    }

    /** The session timer of this leg (tests, monitoring). */
    SessionRefresh sessionTimer() {
        return sessionTimer;
    }

    /** Sends our refreshes and ends the call when the session expires; on the executor of the leg's owner. */
    private final class Refresher implements SessionRefresh.Leg {
        @Override
        public void sendRefresh(String sessionExpires) {
            if (state != State.CONFIRMED) {
                return;
            }
            SipRequest refresh = dialog.createRequest(peerAllowsUpdate ? SipMethod.UPDATE : SipMethod.INVITE);
            refresh.headers().add(HeaderName.SUPPORTED, "timer");
            refresh.headers().add(HeaderName.SESSION_EXPIRES, sessionExpires);
            refresh.headers().add(SessionRefresh.MIN_SE_HEADER, Long.toString(SessionRefresh.MIN_SE));
            refresh.headers().add(HeaderName.CONTACT, sip.contact(call.caller(), transport()));
            if (!peerAllowsUpdate) {
                refresh.headers().add(HeaderName.ALLOW, Signalling.ALLOW);
            }
            ResponseListener outcome = new ResponseListener() {
                @Override
                public void onResponse(SipResponse response) {
                    if (response.statusCode() >= 200) {
                        onOwner(() -> refreshOutcome(refresh, response.statusCode(), Optional.of(response)));
                    }
                }

                @Override
                public void onTimeout() {
                    onOwner(() -> refreshOutcome(refresh, 408, Optional.empty()));
                }

                @Override
                public void onTransportError() {
                    onOwner(() -> refreshOutcome(refresh, 503, Optional.empty()));
                }
            };
            if (flow == null) {
                sip.stack().send(refresh, outcome);
            } else {
                sip.send(refresh, flow, outcome);
            }
        }

        @Override
        public void expired() {
            endSession();
        }
    }

    /** Ends the call this leg is in now (RFC 4028 §10: BYE and hang up), on its owner's executor. */
    private void endSession() {
        service.onDialog(callId(), (owner, party) -> owner.sessionExpired(party));
    }

    /** Runs {@code task} on the executor of whoever holds this leg now; dropped when nobody does. */
    private void onOwner(Runnable task) {
        service.onDialog(callId(), (owner, party) -> {
            if (party == this) {
                task.run();
            }
        });
    }

    /**
     * Our refresh's final response, on the owner's executor. An offerless re-INVITE's 2xx carries the callee's offer:
     * the ACK carries our answer (RFC 3261 §13.2.1), from the leg's media as any re-offer.
     */
    private void refreshOutcome(SipRequest refresh, int status, Optional<SipResponse> response) {
        if (SipMethod.INVITE.equals(refresh.method()) && status >= 200 && status < 300 && response.isPresent()
                && state == State.CONFIRMED) {
            dialog.onResponse(response.get());
            SipRequest refreshAck = dialog.createAck(refresh.cseq().number());
            Optional<SessionDescription> offer = Call.safeSdp(response.get());
            if (offer.isPresent()) {
                try {
                    Signalling.body(refreshAck, reanswer(offer.get()));
                } catch (org.carillon.media.offer.OfferAnswerException e) {
                    sip.sendAck(refreshAck, hop());
                    endSession();
                    return;
                }
            }
            sip.sendAck(refreshAck, hop());
        }
        sessionTimer.refreshAnswered(status, response);
    }

    private Flow hop() {
        return flow != null ? flow : binding.source();
    }
}
