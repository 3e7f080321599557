package org.carillon.media.play;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneSourceTest {

    private static short[] render(TonePlan plan, int samples) {
        short[] out = new short[samples];
        var src = new ToneSource(plan);
        int n = 0;
        while (n < samples) {
            int r = src.read(out, n, Math.min(160, samples - n));
            n += r;
            if (r < 160) {
                break;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int zeroCrossings(short[] s, int from, int to) {
        int c = 0;
        for (int i = from + 1; i < to; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                c++;
            }
        }
        return c;
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void defaultRingbackIs425HertzForOneSecondThenFourSecondsOfSilenceRepeating() {
        short[] s = render(TonePlan.RINGBACK, 8000 * 6);
        assertThat(zeroCrossings(s, 0, 8000)).isBetween(848, 852); // 425 Hz: 850 crossings a second
        assertThat(rms(s, 0, 8000)).isBetween(3400.0, 3800.0); // -13 dBm0: 0 dBm0 is a sine of RMS ~16 000
        assertThat(rms(s, 8000, 40000)).isZero();
        assertThat(rms(s, 40000, 48000)).isGreaterThan(1000.0); // the cadence starts again
    }

    @Test
    void busyTonesFollowTheirCadences() {
        short[] eu = render(TonePlan.BUSY, 8000);
        assertThat(rms(eu, 0, 4000)).isGreaterThan(1000.0);
        assertThat(rms(eu, 4000, 8000)).isZero();
        short[] na = render(TonePlan.BUSY_NORTH_AMERICA, 8000);
        assertThat(rms(na, 0, 4000)).isGreaterThan(1500.0); // two tones add up
        assertThat(rms(na, 4000, 8000)).isZero();
        short[] ring = render(TonePlan.RINGBACK_NORTH_AMERICA, 8000 * 3);
        assertThat(rms(ring, 0, 16000)).isGreaterThan(1500.0);
        assertThat(rms(ring, 16000, 24000)).isZero();
    }

    @Test
    void theBeepPlaysOnceAndEnds() {
        short[] s = render(TonePlan.BEEP, 8000);
        assertThat(s).hasSize(2000);
        assertThat(zeroCrossings(s, 0, 2000)).isBetween(498, 502);
    }
}
