package org.carillon.sip.clock;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link SipScheduler} whose time moves only when a test calls {@link #advance(Duration)}:
 * timer tests run in microseconds and never sleep. Shipped in the main jar so tests of modules
 * built on the stack (the call engine) can use it too.
 *
 * <p>Threads: safe to use from several threads, but tasks run on the thread that calls
 * {@code advance}, in deadline order (ties in scheduling order), one at a time.
 */
public final class FakeScheduler implements SipScheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public synchronized Timeout schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        Task t = new Task(now + delay.toNanos(), sequence++, task);
        queue.add(t);
        return t;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Moves time forward by {@code step}, running every task that falls due, including ones they schedule. */
    public void advance(Duration step) {
        long target;
        synchronized (this) {
            target = now + step.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.deadline > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.deadline);
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
    }

    /** Runs every task due now without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Number of scheduled tasks not yet run and not cancelled. */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    /** Time elapsed since this scheduler was created. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }

    private static final class Task implements Comparable<Task>, Timeout {
        final long deadline;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Task(long deadline, long seq, Runnable task) {
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
