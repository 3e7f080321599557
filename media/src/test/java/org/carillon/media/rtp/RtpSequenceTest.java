package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

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

    @Property
    void distanceUndoesAdditionForEveryStartAndStepUnderHalfTheSpace(
            @ForAll @IntRange(min = 0, max = 65535) int start, @ForAll @IntRange(min = -32767, max = 32767) int step) {
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
