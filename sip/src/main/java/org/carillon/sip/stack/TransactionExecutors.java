package org.carillon.sip.stack;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.transaction.ServerTransaction;

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

    /** The executor for events of {@code tx}; for an INVITE, the same one for its whole life. */
    Executor of(ServerTransaction tx) {
        if (!SipMethod.INVITE.equals(tx.request().method())) {
            return selector.select(tx.request());
        }
        SerialExecutor e = invites.get(tx);
        return e != null ? e : invites.computeIfAbsent(tx, t -> new SerialExecutor(selector.select(t.request())));
    }

    /** The transaction ended; events after this (a late 2xx give-up) get a fresh serial executor. */
    void forget(ServerTransaction tx) {
        invites.remove(tx);
    }

    int size() {
        return invites.size();
    }
}
