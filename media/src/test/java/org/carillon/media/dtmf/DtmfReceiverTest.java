package org.carillon.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.carillon.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

class DtmfReceiverTest {

    private final List<DtmfEvent> ended = new ArrayList<>();
    private final List<Character> started = new ArrayList<>();
    private final DtmfReceiver receiver = new DtmfReceiver(new DtmfListener() {
        @Override
        public void eventStarted(char digit) {
            started.add(digit);
        }

        @Override
        public void eventEnded(DtmfEvent event) {
            ended.add(event);
        }
    }, 8000);
    private int seq;

    private boolean feed(int ssrc, int ts, int event, boolean end, int duration) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, 101, seq++, ts, ssrc);
        TelephoneEvent.write(b, event, end, 10, duration);
        var p = new RtpPacket();
        p.wrap(b);
        return receiver.receive(p);
    }

    @Test
    void reportsOneEventPerKeyPressDespiteUpdatesAndTheTripleEnd() {
        // digit 9 held 100 ms, 20 ms packets, end sent three times (RFC 4733 §2.5.1.2, §2.5.1.4)
        for (int d = 160; d <= 800; d += 160) {
            feed(1, 4000, 9, false, d);
        }
        feed(1, 4000, 9, true, 800);
        feed(1, 4000, 9, true, 800);
        feed(1, 4000, 9, true, 800);
        assertThat(started).containsExactly('9');
        assertThat(ended).containsExactly(new DtmfEvent('9', 100, 10, true));
    }

    @Test
    void theSameDigitTwiceIsTwoEventsBecauseTheTimestampsDiffer() {
        feed(1, 0, 1, true, 800);
        feed(1, 0, 1, true, 800);
        feed(1, 1600, 1, true, 640);
        assertThat(ended).extracting(DtmfEvent::digit).containsExactly('1', '1');
        assertThat(ended.get(1).durationMillis()).isEqualTo(80);
    }

    @Test
    void anEventWhoseEndPacketsWereLostIsClosedByTheNextOne() {
        feed(1, 0, 11, false, 160);
        feed(1, 0, 11, false, 320);
        feed(1, 2000, 10, true, 400);
        assertThat(ended).containsExactly(new DtmfEvent('#', 40, 10, false), new DtmfEvent('*', 50, 10, true));
    }

    @Test
    void refusesShortPayloadsAndNonDigitEvents() {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, 101, 1, 1, 1);
        b.writeShort(0);
        var p = new RtpPacket();
        p.wrap(b);
        assertThat(receiver.receive(p)).isFalse();
        assertThat(feed(1, 5, 70, true, 100)).isFalse(); // a tone event (RFC 4734), not a digit
        assertThat(ended).isEmpty();
    }

    @Test
    void digitCodesFollowRfc4733Section3Point2() {
        assertThat(DtmfDigit.eventOf('*')).isEqualTo(10);
        assertThat(DtmfDigit.eventOf('#')).isEqualTo(11);
        assertThat(DtmfDigit.eventOf('d')).isEqualTo(15);
        assertThat(DtmfDigit.ofEvent(16)).contains('!');
        assertThat(DtmfDigit.ofEvent(17)).isEmpty();
    }
}
