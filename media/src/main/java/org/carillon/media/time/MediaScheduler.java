package org.carillon.media.time;

import java.util.concurrent.TimeUnit;

/**
 * The media engine's only source of time and timers (the Caffeine {@code Ticker}/{@code Scheduler} idea):
 * production code runs it on a Netty event loop, tests on {@link ManualMediaScheduler} and move time by hand.
 *
 * <p>Tasks run on the scheduler's own thread; for a leg that is the leg's event loop, so a task and the
 * leg's packet handling never run at the same time.
 */
public interface MediaScheduler {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch (for RTCP's NTP timestamps and file names). */
    long currentTimeMillis();

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /**
     * Runs {@code task} every {@code period} after {@code initialDelay}, on a fixed rate (a late run does not
     * shift later ones: paced media needs the 20 ms grid, not 20 ms after the previous run).
     *
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    Cancellable scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit);
}
