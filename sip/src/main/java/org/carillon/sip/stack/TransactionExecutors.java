package org.carillon.sip.stack;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TransactionState;

/**
 * One serial executor per live INVITE server transaction, on top of the executor the application
 * selected, so that {@code onRequest}, {@code onCancel} and {@code onServerFailure} for one INVITE
 * reach the application in that order even on an unordered executor (a virtual thread per task).
 */
final class TransactionExecutors {

    private final ExecutorSelector selector;
    private final ConcurrentMap<ServerTransaction, SerialExecutor> invites = new ConcurrentHashMap<>();

    TransactionExecutors(ExecutorSelector selector) {
        this.selector = selector;
    }

    /**
     * The executor for events of {@code tx}; for an INVITE, the same one for its whole life. An INVITE that has
     * ended (its 2xx given up on, or failing to send, after the layer took its Accepted state over) gets a fresh
     * serial executor that is not kept: no {@link #forget} would come to remove it.
     */
    Executor of(ServerTransaction tx) {
        if (!SipMethod.INVITE.equals(tx.request().method())) {
            return selector.select(tx.request());
        }
        SerialExecutor e = invites.get(tx);
        if (e != null) {
            return e;
        }
        if (tx.state() == TransactionState.TERMINATED) {
            return new SerialExecutor(selector.select(tx.request()));
        }
        e = invites.computeIfAbsent(tx, t -> new SerialExecutor(selector.select(t.request())));
        if (tx.state() == TransactionState.TERMINATED) {
            invites.remove(tx); // it ended (and was forgotten) while the entry went in
        }
        return e;
    }

    /** The transaction ended; events after this (a late 2xx give-up) get a fresh serial executor. */
    void forget(ServerTransaction tx) {
        invites.remove(tx);
    }

    int size() {
        return invites.size();
    }
}
