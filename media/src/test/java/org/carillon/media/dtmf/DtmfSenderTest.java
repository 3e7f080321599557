package org.carillon.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.time.ManualMediaScheduler;
import org.junit.jupiter.api.Test;

class DtmfSenderTest {

    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private final List<ByteBuf> sent = new ArrayList<>();
    private final DtmfSender sender = new DtmfSender(clock, sent::add, UnpooledByteBufAllocator.DEFAULT, 101, 0x5EED,
            20, 100, 60, 10);

    @Test
    void sendsMarkerFirstGrowingDurationAndThreeEndPacketsOnOneTimestamp() {
        sender.send("5");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sent).hasSize(5 + 3);
        var p = new RtpPacket();
        for (int i = 0; i < sent.size(); i++) {
            assertThat(p.wrap(sent.get(i))).isTrue();
            assertThat(p.payloadType()).isEqualTo(101);
            assertThat(p.ssrc()).isEqualTo(0x5EED);
            assertThat(p.sequenceNumber()).isEqualTo(i);
            assertThat(p.timestamp()).isEqualTo(0);
            assertThat(p.marker()).isEqualTo(i == 0);
            int at = p.payloadOffset();
            assertThat(TelephoneEvent.event(p.buffer(), at)).isEqualTo(5);
            assertThat(TelephoneEvent.end(p.buffer(), at)).isEqualTo(i >= 5);
            assertThat(TelephoneEvent.duration(p.buffer(), at)).isEqualTo(Math.min(160 * (i + 1), 800));
            assertThat(TelephoneEvent.volume(p.buffer(), at)).isEqualTo(10);
        }
        assertThat(sender.busy()).isFalse();
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void aReceiverGetsBackExactlyTheDigitsSent() {
        var got = new StringBuilder();
        var receiver = new DtmfReceiver(e -> got.append(e.digit()), 8000);
        sender.send("12#");
        sender.send("A*0");
        clock.advance(Duration.ofSeconds(5));
        var p = new RtpPacket();
        long lastTs = -1;
        for (ByteBuf b : sent) {
            p.wrap(b);
            receiver.receive(p);
            assertThat(p.timestamp() & 0xFFFFFFFFL).isGreaterThanOrEqualTo(lastTs);
            lastTs = p.timestamp() & 0xFFFFFFFFL;
        }
        assertThat(got).hasToString("12#A*0");
    }

    @Test
    void refusesNonDigitsAndQueuesNothing() {
        assertThatThrownBy(() -> sender.send("12x")).isInstanceOf(IllegalArgumentException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sent).isEmpty();
    }
}
