package org.carillon.media.play;

import java.util.List;

/**
 * A call-progress tone as a cadence of segments, each one or two frequencies for a time (0 Hz segments
 * are silence). The presets follow ITU-T E.180 / ETSI EG 201 188 (425 Hz, the PBX's country-neutral
 * default) and the North American precise tones (ANSI T1.401).
 *
 * @param segments played in order
 * @param repeat whether the cadence starts again at the end
 * @param levelDbm0 level of each frequency, in dBm0 (negative)
 */
public record TonePlan(List<Segment> segments, boolean repeat, double levelDbm0) {

    /**
     * One part of a cadence.
     *
     * @param f1 first frequency in Hz, 0 for silence
     * @param f2 second frequency in Hz, 0 for a single tone
     * @param millis duration
     */
    public record Segment(double f1, double f2, int millis) {
    }

    public TonePlan {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a tone needs at least one segment");
        }
    }

    /** Ringing tone, ITU-T E.180 / CEPT: 425 Hz, 1 s on, 4 s off. The default ringback. */
    public static final TonePlan RINGBACK = cadence(425, 0, 1000, 4000);
    /** Busy tone, CEPT: 425 Hz, 0.5 s on, 0.5 s off. The default busy tone. */
    public static final TonePlan BUSY = cadence(425, 0, 500, 500);
    /** Congestion (fast busy), CEPT: 425 Hz, 0.25 s on, 0.25 s off. */
    public static final TonePlan CONGESTION = cadence(425, 0, 250, 250);
    /** North American ringback: 440 + 480 Hz, 2 s on, 4 s off. */
    public static final TonePlan RINGBACK_NORTH_AMERICA = cadence(440, 480, 2000, 4000);
    /** North American busy: 480 + 620 Hz, 0.5 s on, 0.5 s off. */
    public static final TonePlan BUSY_NORTH_AMERICA = cadence(480, 620, 500, 500);
    /** The record beep before voicemail: 1000 Hz for 250 ms, once. */
    public static final TonePlan BEEP = new TonePlan(List.of(new Segment(1000, 0, 250)), false, -10);

    private static TonePlan cadence(double f1, double f2, int on, int off) {
        return new TonePlan(List.of(new Segment(f1, f2, on), new Segment(0, 0, off)), true, -13);
    }
}
