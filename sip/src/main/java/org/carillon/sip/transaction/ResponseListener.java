package org.carillon.sip.transaction;

import org.carillon.sip.message.SipResponse;

/**
 * The TU side of a client transaction. The stack calls it on the executor chosen for the request,
 * one call at a time and in order, never on a Netty thread.
 */
public interface ResponseListener {

    /** A provisional or final response (for INVITE, every 2xx including retransmissions, RFC 6026). */
    void onResponse(SipResponse response);

    /** Timer B or F fired without a final response; RFC 3261 §8.1.3.1 treats this as 408. */
    void onTimeout();

    /** The transport could not send the request; RFC 3261 §8.1.3.1 treats this as 503. */
    void onTransportError();
}
