package org.carillon.media.leg;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;

/**
 * Raises a one-shot event when a leg has received no RTP for a while (the phone crashed or lost its network;
 * the call engine then hangs up instead of leaving a ghost call). The packet path costs nothing: the
 * watchdog samples the leg's packet counter on the scheduler, every quarter of the timeout.
 *
 * <p>{@link #pause} while the peer is not supposed to send (we put it on hold as sendonly or inactive,
 * RFC 3264 §8.4); {@link #resume} restarts the count. Runs on the scheduler's thread (the leg's event loop).
 */
public final class NoRtpWatchdog implements AutoCloseable {

    private final MediaScheduler scheduler;
    private final long timeoutNanos;
    private final LongSupplier packetCount;
    private final Runnable onTimeout;
    private final Cancellable task;
    private long lastCount;
    private long lastChangeNanos;
    private boolean paused;
    private boolean fired;

    /**
     * Starts watching.
     *
     * @param timeoutMillis silence that triggers the event, in milliseconds
     * @param packetCount the leg's received-packet counter
     * @param onTimeout run once, on the scheduler's thread
     * @throws IllegalArgumentException if the timeout is shorter than 4 ms
     */
    public NoRtpWatchdog(MediaScheduler scheduler, long timeoutMillis, LongSupplier packetCount, Runnable onTimeout) {
        if (timeoutMillis < 4) {
            throw new IllegalArgumentException("timeout too short: " + timeoutMillis + " ms");
        }
        this.scheduler = scheduler;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.packetCount = packetCount;
        this.onTimeout = onTimeout;
        this.lastCount = packetCount.getAsLong();
        this.lastChangeNanos = scheduler.nanoTime();
        long period = timeoutMillis / 4;
        this.task = scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long now = scheduler.nanoTime();
        long count = packetCount.getAsLong();
        if (count != lastCount || paused) {
            lastCount = count;
            lastChangeNanos = now;
            return;
        }
        if (!fired && now - lastChangeNanos >= timeoutNanos) {
            fired = true;
            onTimeout.run();
        }
    }

    /** Stops counting silence (the peer is on hold and not expected to send). */
    public void pause() {
        paused = true;
    }

    /** Counts silence again from now, and re-arms the event. */
    public void resume() {
        paused = false;
        fired = false;
        lastChangeNanos = scheduler.nanoTime();
    }

    /** Whether the event has fired since the last {@link #resume}. */
    public boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        task.cancel();
    }
}
