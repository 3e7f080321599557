package org.carillon.sip.stack;

import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;

/**
 * The application on top of the stack (the transaction user). Every method runs on the executor
 * the {@link ExecutorSelector} chose for the request, never on a Netty thread; blocking is
 * allowed as far as that executor allows it. An exception thrown from {@link #onRequest} is
 * logged and answered 500 if the request is still unanswered.
 */
public interface SipHandler {

    /** A new request (not ACK, not CANCEL); answer it through {@code transaction.respond(...)}. */
    void onRequest(ServerTransaction transaction);

    /** An ACK for a 2xx this application sent (it has no transaction of its own, §17.1.1.3). */
    default void onAck(SipRequest ack) {
    }

    /** A CANCEL stopped {@code invite}: the stack already answered the CANCEL 200 and the INVITE 487. */
    default void onCancel(ServerTransaction invite) {
    }

    /** A response that matched no client transaction, e.g. a 2xx retransmission after Timer M. */
    default void onStrayResponse(SipResponse response) {
    }

    /**
     * A server transaction failed: when {@code timeout}, no ACK came (Timer H for a non-2xx, or
     * 64·T1 of 2xx retransmissions, §13.3.1.4: end the session with BYE), or a non-INVITE request
     * went unanswered for 64·T1 (the transaction is gone; a late answer throws); else the
     * transport failed.
     */
    default void onServerFailure(ServerTransaction transaction, boolean timeout) {
    }
}
