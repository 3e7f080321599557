package org.carillon.media.play;

/**
 * Generates a {@link TonePlan} sample by sample with phase accumulators (no clicks across frames or
 * segments of the same frequency). Ends after the last segment unless the plan repeats.
 */
public final class ToneSource implements AudioSource {

    private static final double TWO_PI = 2 * Math.PI;

    private final TonePlan plan;
    private final double amplitude;
    private int segment;
    private int samplesLeft;
    private double phase1;
    private double phase2;
    private boolean ended;

    public ToneSource(TonePlan plan) {
        this.plan = plan;
        // G.711's overload point (peak 32 636 on the 16-bit scale) is +3.17 dBm0 (G.711 §3), so a 0 dBm0 sine
        // has a peak of about 22 656
        this.amplitude = 22656 * Math.pow(10, plan.levelDbm0() / 20);
        this.samplesLeft = samples(0);
    }

    private int samples(int index) {
        return plan.segments().get(index).millis() * 8;
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        int written = 0;
        while (written < length && !ended) {
            if (samplesLeft == 0) {
                segment++;
                if (segment == plan.segments().size()) {
                    if (!plan.repeat()) {
                        ended = true;
                        break;
                    }
                    segment = 0;
                }
                samplesLeft = samples(segment);
                continue;
            }
            TonePlan.Segment s = plan.segments().get(segment);
            double step1 = TWO_PI * s.f1() / 8000;
            double step2 = TWO_PI * s.f2() / 8000;
            int n = Math.min(length - written, samplesLeft);
            for (int i = 0; i < n; i++) {
                double v = 0;
                if (s.f1() > 0) {
                    v += Math.sin(phase1);
                    phase1 = (phase1 + step1) % TWO_PI;
                }
                if (s.f2() > 0) {
                    v += Math.sin(phase2);
                    phase2 = (phase2 + step2) % TWO_PI;
                }
                buffer[offset + written + i] = (short) Math.round(v * amplitude);
            }
            written += n;
            samplesLeft -= n;
        }
        return written;
    }
}
