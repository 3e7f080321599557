package org.carillon.pbx.call;

import java.util.Arrays;

/**
 * Looks for a known signal in audio that grows while it is looked at (a recording being written, a phone's dump of
 * what it receives): each {@link #find} tries only the start positions the new samples made possible, so polling a
 * growing file costs about the same in total as one search of the finished one. A position is first tried on a
 * quarter-second of the signal's first sound, and on all of it only where that matches, a fraction of the work
 * of trying all of it everywhere (a 3 s signal searched for in 17 s of audio, measured: ~1.1 s of CPU trying all of
 * it at every position, ~0.2 s this way).
 */
final class SignalWatch {
    /** Normalised correlation at which the signal counts as found: the bar the audio assertions set. */
    static final double FOUND = 0.9;
    /** Every 4th sample: at the signal's true start the correlation stays close to 1, at a quarter of the work. */
    private static final int STEP = 4;

    private final short[] signal;
    private final int probeAt;
    private final short[] probe;
    private int next;

    /** Looks for {@code signal} starting at sample {@code from} or later. */
    SignalWatch(short[] signal, int from) {
        this.signal = signal;
        this.next = Math.max(0, from);
        int sound = 0;
        while (sound < signal.length && Math.abs(signal[sound]) <= 327) {
            sound++;
        }
        this.probeAt = Math.min(sound, Math.max(0, signal.length - Signals.RATE / 4));
        this.probe = Arrays.copyOfRange(signal, probeAt, Math.min(signal.length, probeAt + Signals.RATE / 4));
    }

    /** Where the signal starts in {@code soFar} (all of it inside), or -1 while it is not (yet) there. */
    int find(short[] soFar) {
        for (; next + signal.length <= soFar.length; next++) {
            if (Signals.correlationAt(probe, soFar, next + probeAt, STEP) >= FOUND
                    && Signals.correlationAt(signal, soFar, next, STEP) >= FOUND) {
                return next;
            }
        }
        return -1;
    }
}
