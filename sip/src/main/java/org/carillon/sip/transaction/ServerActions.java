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
     * A non-INVITE transaction on an unreliable transport sent its final {@code response}: may
     * its owner absorb retransmissions from here to Timer J without the machine (§17.2.2)? If so
     * the machine ends at once and keeps nothing.
     */
    default boolean handOff(R response) {
        return false;
    }

    void terminated();
}
