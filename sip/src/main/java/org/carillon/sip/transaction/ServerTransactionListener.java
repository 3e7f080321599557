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

    /** The transaction reached TERMINATED and can be forgotten. */
    void terminated(ServerTransaction transaction);
}
