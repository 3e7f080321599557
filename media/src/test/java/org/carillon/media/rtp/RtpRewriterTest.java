package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class RtpRewriterTest {

    private final RtpPacket view = new RtpPacket();

    private RtpPacket rewrite(RtpRewriter rw, int ssrc, int seq, int ts, long now) {
        ByteBuf b = RtpPacketTest.packet(0, seq, ts, ssrc, 160);
        view.wrap(b);
        rw.rewrite(view, now);
        return view;
    }

    @Test
    void keepsOneSsrcAndContinuousNumbersAcrossASourceChange() {
        var rw = new RtpRewriter(0xAAAA, 65534, 1000, 8000);
        var p = rewrite(rw, 1, 500, 9000, 0);
        assertThat(p.ssrc()).isEqualTo(0xAAAA);
        assertThat(p.sequenceNumber()).isEqualTo(65534);
        assertThat(p.timestamp()).isEqualTo(1000);
        assertThat(p.marker()).isTrue();
        p = rewrite(rw, 1, 501, 9160, 20_000_000);
        assertThat(p.sequenceNumber()).isEqualTo(65535);
        assertThat(p.timestamp()).isEqualTo(1160);
        assertThat(p.marker()).isFalse();
        // another source starts 100 ms later with unrelated numbers
        p = rewrite(rw, 2, 7, 123_456, 120_000_000);
        assertThat(p.ssrc()).isEqualTo(0xAAAA);
        assertThat(p.sequenceNumber()).isZero();
        assertThat(p.timestamp()).isEqualTo(1160 + 800);
        assertThat(p.marker()).isTrue();
        p = rewrite(rw, 2, 8, 123_616, 140_000_000);
        assertThat(p.sequenceNumber()).isEqualTo(1);
        assertThat(p.timestamp()).isEqualTo(1960 + 160);
    }

    @Test
    void passesGapsAndReorderingOfOneSourceThrough() {
        var rw = new RtpRewriter(5, 100, 0, 8000);
        rewrite(rw, 9, 10, 0, 0);
        assertThat(rewrite(rw, 9, 13, 480, 60_000_000).sequenceNumber()).isEqualTo(103);
        assertThat(rewrite(rw, 9, 12, 320, 61_000_000).sequenceNumber()).isEqualTo(102);
        assertThat(rewrite(rw, 9, 14, 640, 80_000_000).sequenceNumber()).isEqualTo(104);
    }

    @Test
    void resyncStartsANewMappingForTheSameSsrc() {
        var rw = new RtpRewriter(5, 0, 0, 8000);
        rewrite(rw, 9, 10, 0, 0);
        rw.resync();
        var p = rewrite(rw, 9, 1, 0, 5_000_000);
        assertThat(p.sequenceNumber()).isEqualTo(1);
        assertThat(p.timestamp()).isEqualTo(160); // at least one frame later
        assertThat(p.marker()).isTrue();
    }
}
