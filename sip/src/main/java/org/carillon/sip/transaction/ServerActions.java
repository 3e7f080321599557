package org.carillon.sip.transaction;

/**
 * What a server machine asks of its owner; called under the machine's monitor, so implementations
 * only hand work off.
 *
 * @param <R> the response type
 */
interface ServerActions<R> {

    /** Send a response; {@code retransmission} when it repeats one already sent. */
    void send(R response, boolean retransmission);

    /** Send a 100 Trying built from the request (INVITE only, §17.2.1). */
    void sendTrying();

    /** A request retransmission was absorbed without a resend (counted, not passed up). */
    void absorbed();

    /** Timer H fired: the final response was never ACKed. */
    void timedOut();

    void transportFailed();

    /**
     * A non-INVITE transaction on an unreliable transport sent its final {@code response}, or an
     * INVITE transaction its first 2xx: may its owner absorb retransmissions from here to Timer J
     * (§17.2.2) or Timer L (RFC 6026 §7.1) without the machine? If so the machine ends at once and
     * keeps nothing.
     */
    default boolean handOff(R response) {
        return false;
    }

    /**
     * An INVITE transaction on an unreliable transport got the ACK for its non-2xx final response:
     * may its owner absorb retransmitted ACKs and INVITEs from here to Timer I (§17.2.1's Confirmed
     * state) without the machine? If so the machine ends at once and keeps nothing.
     */
    default boolean handOffConfirmed() {
        return false;
    }

    void terminated();
}
