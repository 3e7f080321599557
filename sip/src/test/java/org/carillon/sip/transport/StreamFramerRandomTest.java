package org.carillon.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random input for the framer: valid streams cut at random points frame back to the same
 * messages, and mutated streams never make it throw, never emit more bytes than it read, and
 * stop at the first Broken frame.
 */
class StreamFramerRandomTest {

    private static final String[] HEADERS = {"Via: SIP/2.0/TCP h;branch=z9hG4bK", "l: ", "Content-Length:  ",
        "CSeq: 1 X", "X-Long: " + "y".repeat(300)};

    private static String message(Random r) {
        StringBuilder sb = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\n");
        int body = r.nextInt(200);
        for (int i = 0; i < 1 + r.nextInt(6); i++) {
            String h = HEADERS[r.nextInt(HEADERS.length)];
            if (!h.contains("ength") && !h.startsWith("l:")) {
                sb.append(h).append(r.nextInt(1000)).append("\r\n");
            }
        }
        sb.append(r.nextBoolean() ? "l: " : "Content-Length: ").append(body).append("\r\n\r\n");
        sb.append("b".repeat(body));
        return sb.toString();
    }

    @Test
    void framesRandomValidStreamsCutAtRandomPoints() {
        Random r = new Random(4475);
        for (int run = 0; run < 300; run++) {
            List<String> sent = new ArrayList<>();
            StringBuilder stream = new StringBuilder();
            for (int i = 0; i < 1 + r.nextInt(5); i++) {
                String m = message(r);
                sent.add(m);
                stream.append(r.nextInt(4) == 0 ? "\r\n" : "").append(m);
            }
            byte[] all = stream.toString().getBytes(StandardCharsets.US_ASCII);
            EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
            for (int at = 0; at < all.length; ) {
                int n = Math.min(all.length - at, 1 + r.nextInt(64));
                ch.writeInbound(Unpooled.copiedBuffer(all, at, n));
                at += n;
            }
            List<String> got = new ArrayList<>();
            for (Object o; (o = ch.readInbound()) != null; ) {
                got.add(new String(((Frame.Message) o).bytes(), StandardCharsets.US_ASCII));
            }
            assertThat(got).as("run %d", run).isEqualTo(sent);
        }
    }

    @Test
    void survivesMutatedStreams() {
        Random r = new Random(5118);
        for (int run = 0; run < 1_000; run++) {
            byte[] all = (message(r) + message(r)).getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < 1 + r.nextInt(8); k++) {
                all[r.nextInt(all.length)] = (byte) r.nextInt(256);
            }
            EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(4_096, 1_024));
            for (int at = 0; at < all.length; ) {
                int n = Math.min(all.length - at, 1 + r.nextInt(128));
                ch.writeInbound(Unpooled.copiedBuffer(all, at, n));
                at += n;
            }
            int emitted = 0;
            boolean broken = false;
            for (Object o; (o = ch.readInbound()) != null; ) {
                assertThat(broken).as("nothing after Broken").isFalse();
                switch ((Frame) o) {
                    case Frame.Message m -> emitted += m.bytes().length;
                    case Frame.Broken b -> broken = true;
                    case Frame.Ping p -> emitted += 4;
                }
            }
            assertThat(emitted).isLessThanOrEqualTo(all.length);
            ch.finishAndReleaseAll();
        }
    }
}
