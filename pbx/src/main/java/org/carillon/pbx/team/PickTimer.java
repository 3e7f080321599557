package org.carillon.pbx.team;

import java.util.Arrays;

/**
 * The last 4096 durations of picking agents for a caller, for the benchmark's p99. Thread-safe (synchronized; a sample
 * costs a few nanoseconds next to the pick).
 */
public final class PickTimer {
    private final long[] samples = new long[4096];
    private long count;

    synchronized void record(long nanos) {
        samples[(int) (count++ % samples.length)] = nanos;
    }

    /** The {@code q} quantile (0..1) of the kept samples in nanoseconds; 0 without samples. */
    public synchronized long quantile(double q) {
        int n = (int) Math.min(count, samples.length);
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return s[Math.min(n - 1, (int) Math.ceil(q * n) - 1 < 0 ? 0 : (int) Math.ceil(q * n) - 1)];
    }

    public synchronized long count() {
        return count;
    }
}
