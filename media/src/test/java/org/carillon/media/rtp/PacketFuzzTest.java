package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;
import org.carillon.media.dtmf.DtmfReceiver;
import org.carillon.media.rtcp.RtcpParser;
import org.junit.jupiter.api.Test;

/** Random and mutated datagrams (fixed seed) never make the RTP, RTCP or DTMF readers throw. */
class PacketFuzzTest {

    @Test
    void randomDatagramsAreAcceptedOrRefusedButNeverThrow() {
        var random = new SplittableRandom(5L);
        var view = new RtpPacket();
        var dtmf = new DtmfReceiver(e -> { }, 8000);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // version 2 half of the time
            }
            var buf = Unpooled.wrappedBuffer(bytes);
            if (view.wrap(buf)) {
                valid++;
                assertThat(view.payloadOffset() + view.payloadLength()).isLessThanOrEqualTo(bytes.length);
                dtmf.receive(view);
            }
            RtcpParser.parse(buf);
        }
        assertThat(valid).isGreaterThan(1000);
    }
}
