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
    private final Signalling sip;
    private final Binding binding;
    private final Flow flow;
    private final SipRequest invite;
    private ClientTransaction tx;
    private Dialog dialog;
    private SipRequest ack;
    private State state = State.CALLING;
    private boolean cancelRequested;
    private boolean cancelSent;
    private int finalStatus;

    CalleeLeg(BranchOwner call, Attempt attempt, Signalling sip, Binding binding, Address from, Address to,
              String contactUser, SessionDescription offer) {
        this.call = call;
        this.attempt = attempt;
        this.sip = sip;
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
        Signalling.body(invite, offer);
    }

    static Address address(Optional<String> display, String user, String domain) {
        return new Address(display, SipUri.of(user, domain), Parameters.EMPTY);
    }

    @Override
    public String callId() {
        return invite.callId();
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
        ResponseListener listener = new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                call.executor().execute(() -> call.onBranchResponse(CalleeLeg.this, response));
            }

            @Override
            public void onTimeout() {
                call.executor().execute(() -> call.onBranchFailed(CalleeLeg.this, 408));
            }

            @Override
            public void onTransportError() {
                call.executor().execute(() -> call.onBranchFailed(CalleeLeg.this, 503));
            }
        };
        tx = flow == null ? sip.stack().send(invite, listener) : sip.send(invite, flow, listener);
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
        sip.sendAck(ack, hop());
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
        dialog.terminate();
    }

    @Override
    public void bye() {
        if (state == State.CONFIRMED) {
            state = State.ENDED;
            SipRequest bye = dialog.createRequest(SipMethod.BYE);
            dialog.terminate();
            send(bye);
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

    private Flow hop() {
        return flow != null ? flow : binding.source();
    }
}
