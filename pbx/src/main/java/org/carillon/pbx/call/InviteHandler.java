package org.carillon.pbx.call;

import org.carillon.pbx.sipserver.SipRequestHandler;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transaction.ServerTransaction;
import org.springframework.stereotype.Component;

/**
 * INVITE: a new one (no To tag) starts a call, a re-INVITE goes to its call; CANCELs and missing ACKs of our 2xx
 * are told to the call too.
 */
@Component
public class InviteHandler implements SipRequestHandler {
    private final CallService calls;

    public InviteHandler(CallService calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return SipMethod.INVITE;
    }

    @Override
    public void handle(ServerTransaction tx) {
        if (tx.request().to().tag().isPresent()) {
            calls.inDialog(tx);
        } else {
            calls.invite(tx);
        }
    }

    @Override
    public void onAck(SipRequest ack) {
        calls.acked(ack); // the stack has stopped resending our 2xx; with a late offer the ACK carries the answer
    }

    @Override
    public void onCancel(ServerTransaction cancelled) {
        calls.cancelled(cancelled);
    }

    @Override
    public void onServerFailure(ServerTransaction transaction, boolean timeout) {
        if (timeout) {
            calls.noAck(transaction);
        }
    }
}
