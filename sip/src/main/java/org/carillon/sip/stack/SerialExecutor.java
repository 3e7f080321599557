package org.carillon.sip.stack;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in submission order, on an underlying executor that may itself run
 * tasks concurrently (a virtual thread per task). Used so that a 180 and the 200 after it reach
 * the application in that order whatever executor it chose.
 */
final class SerialExecutor implements Executor {

    private final Executor delegate;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        schedule();
    }

    /** @throws RejectedExecutionException if the delegate refuses; the queued tasks are dropped */
    private void schedule() {
        if (!queue.isEmpty() && running.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (RejectedExecutionException e) {
                queue.clear();
                running.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        try {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
        } finally {
            running.set(false);
            try {
                schedule(); // a task added between the last poll and the reset
            } catch (RejectedExecutionException shutDown) {
                // the delegate is shutting down; those tasks are dropped
            }
        }
    }
}
