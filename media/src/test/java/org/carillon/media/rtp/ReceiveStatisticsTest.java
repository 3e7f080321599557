package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {

    private static final long FRAME_NANOS = 20_000_000L;

    @Test
    void countsLossAcrossTheSequenceWrap() {
        var stats = new ReceiveStatistics(8000);
        int seq = 65530;
        for (int i = 0; i < 20; i++) {
            if (i != 3 && i != 9) {
                stats.update(7, (seq + i) & 0xFFFF, i * 160, i * FRAME_NANOS);
            }
        }
        assertThat(stats.expected()).isEqualTo(20);
        assertThat(stats.cumulativeLost()).isEqualTo(2);
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + ((seq + 19) & 0xFFFF));
        assertThat(stats.takeFractionLost()).isEqualTo(2 * 256 / 20);
        assertThat(stats.takeFractionLost()).isZero();
        assertThat(stats.snapshot().packetsLost()).isEqualTo(2);
    }

    @Test
    void perfectlyPacedStreamHasNoJitter() {
        var stats = new ReceiveStatistics(8000);
        for (int i = 0; i < 100; i++) {
            stats.update(1, i, 1000 + i * 160, i * FRAME_NANOS);
        }
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void alternatingLateArrivalsShowAsJitterInTimestampUnits() {
        var stats = new ReceiveStatistics(8000);
        for (int i = 0; i < 2000; i++) {
            long late = (i % 2) * 5_000_000L; // every other packet 5 ms (40 ticks) late
            stats.update(1, i, i * 160, i * FRAME_NANOS + late);
        }
        // |D| is 40 ticks on every packet, so the estimate converges to 40 (RFC 3550 A.8)
        assertThat(stats.jitter()).isBetween(38L, 40L);
        assertThat(stats.snapshot().jitterMillis()).isBetween(4.7, 5.0);
    }

    @Test
    void newSsrcRestartsTheCount() {
        var stats = new ReceiveStatistics(8000);
        stats.update(1, 100, 0, 0);
        stats.update(1, 150, 0, 0);
        stats.update(2, 5000, 0, 0);
        stats.update(2, 5001, 0, 0);
        assertThat(stats.ssrc()).isEqualTo(2);
        assertThat(stats.expected()).isEqualTo(2);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void aLargeJumpIsIgnoredUntilConfirmedBySequentialPackets() {
        var stats = new ReceiveStatistics(8000);
        stats.update(1, 10, 0, 0);
        stats.update(1, 11, 0, 0);
        stats.update(1, 20000, 0, 0); // stray
        assertThat(stats.expected()).isEqualTo(2);
        stats.update(1, 30000, 0, 0);
        stats.update(1, 30001, 0, 0); // source restarted: re-synchronise, counting from this packet (A.1)
        assertThat(stats.expected()).isEqualTo(1);
        assertThat(stats.extendedHighestSequence()).isEqualTo(30001);
        assertThat(stats.cumulativeLost()).isZero();
    }
}
