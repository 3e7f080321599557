package org.carillon.sip.stack;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.carillon.sip.message.SipRequest;

/**
 * Chooses the executor that runs application code for a request: the handler call for an
 * incoming request, and the response callbacks for an outgoing one. The call engine returns the
 * call's serial executor (found by Call-ID); simpler applications use {@link #virtualThreads()}.
 *
 * <p>Called on a Netty event loop: must be quick and must not block. Whatever the executor, the
 * stack keeps the events of one transaction in order (it serialises them on top of it).
 */
@FunctionalInterface
public interface ExecutorSelector {

    /** The executor for work caused by {@code request}. */
    Executor select(SipRequest request);

    /** A new virtual thread per task: no bound, no pool, blocking allowed. */
    static ExecutorSelector virtualThreads() {
        Executor vt = Executors.newVirtualThreadPerTaskExecutor();
        return request -> vt;
    }

    /** Always {@code executor}. */
    static ExecutorSelector of(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return request -> executor;
    }
}
