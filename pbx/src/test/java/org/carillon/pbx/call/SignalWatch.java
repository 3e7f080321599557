package org.carillon.pbx.call;

/**
 * Looks for a known signal in audio that grows while it is looked at (a recording being written, a phone's dump of
 * what it receives): each {@link #find} tries only the start positions the new samples made possible, so polling a
 * growing file costs about the same in total as one search of the finished one.
 */
final class SignalWatch {
    /** Normalised correlation at which the signal counts as found: the bar the audio assertions set. */
    static final double FOUND = 0.9;
    /** Every 4th sample: at the signal's true start the correlation stays close to 1, at a quarter of the work. */
    private static final int STEP = 4;

    private final short[] signal;
    private int next;

    /** Looks for {@code signal} starting at sample {@code from} or later. */
    SignalWatch(short[] signal, int from) {
        this.signal = signal;
        this.next = Math.max(0, from);
    }

    /** Where the signal starts in {@code soFar} (all of it inside), or -1 while it is not (yet) there. */
    int find(short[] soFar) {
        for (; next + signal.length <= soFar.length; next++) {
            if (Signals.correlationAt(signal, soFar, next, STEP) >= FOUND) {
                return next;
            }
        }
        return -1;
    }
}
