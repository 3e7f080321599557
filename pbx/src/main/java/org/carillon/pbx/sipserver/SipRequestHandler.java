package org.carillon.pbx.sipserver;

import org.carillon.sip.transaction.ServerTransaction;

/**
 * A PBX feature's handler for one SIP method (REGISTER for the registrar, later INVITE for calls, SUBSCRIBE for
 * presence). Spring beans implementing it are found by {@link SipServer} and dispatched to by method.
 *
 * <p>Threads: called on a virtual thread of the stack's executor, never on a Netty event loop; may block.
 */
public interface SipRequestHandler {

    /** The method this handler answers, upper case ({@code "REGISTER"}). */
    String method();

    /** Answers the request through {@code transaction.respond(...)}; an exception becomes a 500. */
    void handle(ServerTransaction transaction);

    /** An ACK for a 2xx to an INVITE this handler answered (given to the INVITE handler). */
    default void onAck(org.carillon.sip.message.SipRequest ack) {
    }

    /** A CANCEL stopped a request of this handler's method; the stack already answered 200 and 487. */
    default void onCancel(ServerTransaction cancelled) {
    }

    /** A server transaction of this handler's method failed (no ACK in time when {@code timeout}). */
    default void onServerFailure(ServerTransaction transaction, boolean timeout) {
    }
}
