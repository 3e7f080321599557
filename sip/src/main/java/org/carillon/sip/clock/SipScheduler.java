package org.carillon.sip.clock;

import java.time.Duration;

/**
 * The one source of time for the SIP stack: every transaction, dialog and transport timer is
 * scheduled here, so tests can replace it with {@link FakeScheduler} and move time by hand.
 *
 * <p>Threads: implementations are thread-safe. Tasks run on a thread owned by the scheduler
 * (the timer thread for {@link WheelScheduler}, the caller of {@link FakeScheduler#advance} in
 * tests); they must be short and must not block, because they delay every other timer.
 */
public interface SipScheduler {

    /**
     * Runs {@code task} once, {@code delay} from now.
     *
     * @param delay not negative; rounded to the scheduler's resolution (about 10 ms in production)
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws IllegalStateException    if the scheduler has been stopped
     */
    Timeout schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds; only differences between two readings mean anything. */
    long nanoTime();

    /** A scheduled task that can be cancelled. */
    interface Timeout {
        /** Cancels the task if it has not run yet; idempotent, never throws. */
        void cancel();

        /** True once the task was cancelled before it ran. */
        boolean isCancelled();
    }
}
