package org.carillon.sip.transaction;

import org.carillon.sip.message.SipResponse;

/** Events of a server transaction that the TU did not cause. Called under the transaction's monitor. */
interface ServerTransactionListener {

    /** Timer H fired (no ACK for a non-2xx INVITE response) or the response could not be sent. */
    void failed(ServerTransaction transaction, boolean timeout);

    /** The TU sent the first 2xx to this INVITE; the UAS core retransmits it until the ACK (§13.3.1.4). */
    void accepted(ServerTransaction transaction, SipResponse response, byte[] bytes);

    /**
     * A non-INVITE transaction on an unreliable transport sent its final response: the listener
     * absorbs retransmissions with {@code response} until Timer J instead of the transaction
     * (RFC 3261 §17.2.2), which then ends at once.
     */
    void takeOver(ServerTransaction transaction, byte[] response);

    /**
     * An INVITE transaction sent its first 2xx: the listener absorbs retransmissions of the INVITE
     * until Timer L instead of the transaction (RFC 6026 §7.1), which then ends at once.
     */
    void takeOverAccepted(ServerTransaction transaction);

    /**
     * An INVITE transaction on an unreliable transport got the ACK for its non-2xx final response:
     * the listener absorbs retransmitted ACKs and INVITEs until Timer I instead of the transaction
     * (§17.2.1's Confirmed state), which then ends at once.
     */
    void takeOverConfirmed(ServerTransaction transaction);

    /** The transaction reached TERMINATED and can be forgotten. */
    void terminated(ServerTransaction transaction);
}
