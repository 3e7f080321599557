package org.carillon.pbx.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one owner of a call: runs its tasks one at a time in submission order on a virtual thread (taken from
 * {@code delegate} each time the queue goes from empty to busy). Both legs' SIP events, media events and timers are
 * submitted here, so call logic is sequential code without locks (GUIDE.md, "The call engine").
 *
 * <p>Threads: {@link #execute} from any thread; a task that throws is logged and the next one runs.
 */
final class CallExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(CallExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread owner;

    CallExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        schedule();
    }

    /** True on the thread currently running this call's tasks. */
    boolean inCall() {
        return owner == Thread.currentThread();
    }

    private void schedule() {
        if (!queue.isEmpty() && running.compareAndSet(false, true)) {
            delegate.execute(this::drain);
        }
    }

    private void drain() {
        owner = Thread.currentThread();
        try {
            for (Runnable r; (r = queue.poll()) != null; ) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("call task failed", e);
                }
            }
        } finally {
            owner = null;
            running.set(false);
            schedule();
        }
    }
}
