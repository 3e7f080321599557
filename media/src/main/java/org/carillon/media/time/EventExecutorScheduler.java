package org.carillon.media.time;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MediaScheduler} backed by a Netty event loop: tasks run on that loop's thread, so they are
 * serialised with the packet handling of every channel registered on it.
 */
public final class EventExecutorScheduler implements MediaScheduler {

    private final EventExecutor executor;

    /** Wraps {@code executor}; the scheduler lives as long as the executor. */
    public EventExecutorScheduler(EventExecutor executor) {
        this.executor = executor;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        var future = executor.schedule(task, delay, unit);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        var future = executor.scheduleAtFixedRate(task, initialDelay, period, unit);
        return () -> future.cancel(false);
    }

    /** The executor tasks run on. */
    public EventExecutor executor() {
        return executor;
    }
}
