package org.carillon.sip.transaction;

import org.carillon.sip.transport.Flow;

/**
 * How transactions put bytes on the network; the stack implements it over the transport and
 * counts what goes through. Must not block: it is called under a transaction's monitor.
 */
public interface MessageWire {

    /**
     * Sends one serialized message.
     *
     * @param bytes          the whole message
     * @param flow           where to (for stream transports, the connection to reuse or open)
     * @param retransmission true when this repeats an earlier send (counted separately)
     * @param onFailure      run, on any thread, if the transport could not send it
     */
    void send(byte[] bytes, Flow flow, boolean retransmission, Runnable onFailure);
}
