package org.carillon.sip.transaction;

/** Events of a server transaction that the TU did not cause. Called under the transaction's monitor. */
interface ServerTransactionListener {

    /** Timer H fired (no ACK for a non-2xx INVITE response) or the response could not be sent. */
    void failed(ServerTransaction transaction, boolean timeout);

    /** The transaction reached TERMINATED and can be forgotten. */
    void terminated(ServerTransaction transaction);
}
