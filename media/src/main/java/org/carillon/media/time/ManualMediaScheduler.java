package org.carillon.media.time;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MediaScheduler} whose clock only moves when {@link #advance} is called; due tasks then run on the
 * calling thread in time order. Meant for tests of this module and of its users (no sleeping in tests).
 * Not thread-safe: drive it from one thread.
 */
public final class ManualMediaScheduler implements MediaScheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    private final class Entry implements Comparable<Entry>, Cancellable {
        final Runnable task;
        final long period;
        final long order = sequence++;
        long due;
        boolean cancelled;

        Entry(Runnable task, long due, long period) {
            this.task = task;
            this.due = due;
            this.period = period;
        }

        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
            queue.remove(this);
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Starts at 2026-01-01T00:00:00Z plus the time advanced. */
    @Override
    public long currentTimeMillis() {
        return 1_767_225_600_000L + now / 1_000_000L;
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        var e = new Entry(task, now + unit.toNanos(delay), 0);
        queue.add(e);
        return e;
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        var e = new Entry(task, now + unit.toNanos(initialDelay), unit.toNanos(period));
        queue.add(e);
        return e;
    }

    /** Moves the clock forward by {@code amount}, running every task that falls due, in order. */
    public void advance(Duration amount) {
        long target = now + amount.toNanos();
        while (!queue.isEmpty() && queue.peek().due <= target) {
            var e = queue.poll();
            now = Math.max(now, e.due);
            if (e.period > 0) {
                e.due += e.period;
                queue.add(e);
            }
            e.task.run();
        }
        now = target;
    }

    /** Number of tasks still scheduled (periodic tasks count once). */
    public int pendingTasks() {
        return queue.size();
    }
}
