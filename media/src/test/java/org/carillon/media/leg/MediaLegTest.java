package org.carillon.media.leg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.dtmf.TelephoneEvent;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.rtcp.ReportBlock;
import org.carillon.media.rtcp.RtcpWriter;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpRewriter;
import org.carillon.media.sdp.Direction;
import org.carillon.media.time.ManualMediaScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The leg's receive and send paths on an embedded channel, time on a manual clock. */
class MediaLegTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.9", 4000);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private final AtomicInteger closed = new AtomicInteger();
    private final LegSettings settings = new LegSettings(AddressLatch.Mode.STRICT, Duration.ofSeconds(30),
            Duration.ofSeconds(5), 64 * 1024, false);
    private final MediaLeg leg = new MediaLeg(channel, Optional.empty(), clock, settings,
            new RtpRewriter(0xC0FFEE, 1000, 0, 8000), closed::incrementAndGet);

    @AfterEach
    void close() {
        leg.close();
        channel.finishAndReleaseAll();
    }

    private void apply(Direction direction) {
        leg.apply(new NegotiatedAudio(Optional.of(PHONE), AudioFormat.PCMU, 0, 0, OptionalInt.of(101),
                OptionalInt.of(101), 20, direction));
        channel.runPendingTasks();
    }

    private static ByteBuf rtp(int pt, int seq) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, pt, seq, seq * 160, 0x1234);
        b.writeZero(160);
        return b;
    }

    @Test
    void countsEveryDropByReasonAndPassesGoodPacketsToTapsAndTarget() {
        apply(Direction.SENDRECV);
        List<Integer> seen = new ArrayList<>();
        leg.addTap((from, p, event) -> seen.add(p.sequenceNumber()));
        leg.target(Optional.of((from, p, event) -> seen.add(-p.sequenceNumber())));
        leg.receive(rtp(0, 1), PHONE);
        leg.receive(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), PHONE);
        leg.receive(rtp(0, 2), STRANGER);
        leg.receive(rtp(18, 3), PHONE);
        leg.receive(rtp(0, 4), PHONE);
        var counts = leg.statistics().counts();
        assertThat(seen).containsExactly(1, -1, 4, -4);
        assertThat(counts.packetsIn()).isEqualTo(5);
        assertThat(counts.malformed()).isEqualTo(1);
        assertThat(counts.rejectedSource()).isEqualTo(1);
        assertThat(counts.unknownPayload()).isEqualTo(1);
        assertThat(leg.statistics().received().packetsReceived()).isEqualTo(2);
        assertThat(leg.statistics().received().packetsLost()).isEqualTo(2); // 2 and 3 never counted as received
    }

    @Test
    void dropsIncomingMediaWhileWeHoldThePeer() {
        apply(Direction.SENDONLY);
        leg.receive(rtp(0, 1), PHONE);
        assertThat(leg.statistics().counts().directionDropped()).isEqualTo(1);
        apply(Direction.RECVONLY);
        leg.sendRtp(rtp(0, 1));
        assertThat(leg.statistics().counts().directionDropped()).isEqualTo(2);
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void sourcePacketsGoToThePeerRewrittenIntoTheLegsStream() {
        apply(Direction.SENDRECV);
        leg.sendRtp(rtp(0, 77));
        DatagramPacket out = channel.readOutbound();
        var p = new RtpPacket();
        assertThat(p.wrap(out.content())).isTrue();
        assertThat(out.recipient()).isEqualTo(PHONE);
        assertThat(p.ssrc()).isEqualTo(0xC0FFEE);
        assertThat(p.sequenceNumber()).isEqualTo(1000);
        out.release();
        assertThat(leg.statistics().counts().packetsOut()).isEqualTo(1);
    }

    @Test
    void reportsNoRtpAfterTheTimeoutAndNotWhileOnHold() {
        var events = new AtomicInteger();
        leg.onNoRtp(events::incrementAndGet);
        apply(Direction.SENDRECV);
        for (int i = 0; i < 100; i++) {
            leg.receive(rtp(0, i), PHONE);
            clock.advance(Duration.ofMillis(20));
        }
        apply(Direction.SENDONLY); // we hold the peer: silence is expected
        clock.advance(Duration.ofMinutes(2));
        assertThat(events).hasValue(0);
        apply(Direction.SENDRECV);
        clock.advance(Duration.ofSeconds(29));
        assertThat(events).hasValue(0);
        clock.advance(Duration.ofSeconds(10));
        assertThat(events).hasValue(1);
    }

    @Test
    void telephoneEventsReachDtmfListeners() {
        apply(Direction.SENDRECV);
        List<DtmfEvent> events = new ArrayList<>();
        leg.addDtmfListener(events::add);
        for (int i = 0; i < 3; i++) {
            ByteBuf b = Unpooled.buffer();
            RtpPacket.writeHeader(b, i == 0, 101, 10 + i, 8000, 0x1234);
            TelephoneEvent.write(b, 5, true, 10, 800);
            leg.receive(b, PHONE);
        }
        assertThat(events).containsExactly(new DtmfEvent('5', 100, 10, true));
        assertThat(leg.statistics().counts().dtmfEvents()).isEqualTo(1);
    }

    @Test
    void keepsThePeersRtcpReportAboutOurStream() {
        ByteBuf b = Unpooled.buffer();
        var block = new ReportBlock(0xC0FFEE, 12, 3, 5000, 80, 0, 0);
        RtcpWriter.writeReceiverReport(b, 0x1234, List.of(new ReportBlock(0x999, 0, 0, 0, 0, 0, 0), block));
        leg.receiveRtcp(b);
        assertThat(leg.statistics().peerReport()).contains(block);
        assertThat(leg.statistics().counts().rtcpIn()).isEqualTo(1);
    }

    @Test
    void closingReturnsThePortsOnce() {
        leg.close();
        leg.close();
        channel.runPendingTasks();
        assertThat(closed).hasValue(1);
    }
}
