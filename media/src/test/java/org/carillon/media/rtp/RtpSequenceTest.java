package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class RtpSequenceTest {

    @Test
    void wrapsFrom65535ToZero() {
        assertThat(RtpSequence.next(65535)).isZero();
        assertThat(RtpSequence.add(65530, 10)).isEqualTo(4);
        assertThat(RtpSequence.isNewer(2, 65533)).isTrue();
        assertThat(RtpSequence.isNewer(65533, 2)).isFalse();
        assertThat(RtpSequence.distance(65533, 2)).isEqualTo(5);
        assertThat(RtpSequence.isNewer(7, 7)).isFalse();
    }

    @Test
    void distanceUndoesAdditionForEveryStartAndStepUnderHalfTheSpace() {
        // Every start value, with the edge steps and a fixed-seed sample of the others (reproducible).
        SplittableRandom random = new SplittableRandom(4733);
        int[] edges = {0, 1, -1, 32767, -32767, 2, -2};
        for (int start = 0; start <= 65535; start++) {
            for (int step : edges) {
                check(start, step);
            }
            check(start, random.nextInt(-32767, 32768));
        }
    }

    private static void check(int start, int step) {
        int end = RtpSequence.add(start, step);
        assertThat(RtpSequence.distance(start, end)).isEqualTo(step);
        assertThat(RtpSequence.isNewer(end, start)).isEqualTo(step > 0);
    }

    @Test
    void timestampsCompareAcrossTheThirtyTwoBitWrap() {
        assertThat(RtpTimestamp.isNewer(100, 0xFFFF_FF00)).isTrue();
        assertThat(RtpTimestamp.distance(0xFFFF_FF00, 100)).isEqualTo(356);
        assertThat(RtpTimestamp.unsigned(-1)).isEqualTo(0xFFFF_FFFFL);
        assertThat(RtpTimestamp.ticks(20_000_000L, 8000)).isEqualTo(160);
        assertThat(RtpTimestamp.ticks(30L * 24 * 3600 * 1_000_000_000L, 48000)).isEqualTo(30L * 24 * 3600 * 48000);
    }
}
