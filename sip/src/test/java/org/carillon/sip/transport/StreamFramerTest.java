package org.carillon.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {

    private static final String OPTIONS = """
            OPTIONS sip:carol@chicago.com SIP/2.0\r
            Via: SIP/2.0/TCP pc33.atlanta.com;branch=z9hG4bKhjhs8ass877\r
            Max-Forwards: 70\r
            To: <sip:carol@chicago.com>\r
            From: Alice <sip:alice@atlanta.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710\r
            CSeq: 63104 OPTIONS\r
            Content-Length: 0\r
            \r
            """;
    private static final String BODY = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n";
    private static final String INVITE = "INVITE sip:bob@biloxi.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP pc33.atlanta.com;branch=z9hG4bK776asdhds\r\n"
            + "Call-ID: 3848276298220188511@atlanta.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "l :  " + BODY.length() + "\r\n"
            + "\r\n" + BODY;
    private static final String RESPONSE = "SIP/2.0 200 OK\r\nCSeq: 1 BYE\r\ncontent-LENGTH:0\r\n\r\n";
    /** Leading CRLF (ignored), a ping, then three messages back to back. */
    private static final String STREAM = "\r\n" + OPTIONS + "\r\n\r\n" + INVITE + RESPONSE;

    private static final List<String> EXPECTED = List.of("msg:" + OPTIONS, "ping", "msg:" + INVITE, "msg:" + RESPONSE);

    @Test
    void framesTheSameMessagesAtEverySplitPointOfTheStream() {
        byte[] all = STREAM.getBytes(StandardCharsets.US_ASCII);
        for (int split = 0; split <= all.length; split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
            ch.writeInbound(Unpooled.copiedBuffer(all, 0, split));
            ch.writeInbound(Unpooled.copiedBuffer(all, split, all.length - split));
            assertThat(drain(ch)).as("split at %d", split).isEqualTo(EXPECTED);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void framesTheSameMessagesAtEveryPairOfSplitPointsOfTheFirstMessages() {
        byte[] all = (OPTIONS + INVITE).getBytes(StandardCharsets.US_ASCII);
        for (int a = 0; a <= all.length; a += 3) {
            for (int b = a; b <= all.length; b += 5) {
                EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
                ch.writeInbound(Unpooled.copiedBuffer(all, 0, a));
                ch.writeInbound(Unpooled.copiedBuffer(all, a, b - a));
                ch.writeInbound(Unpooled.copiedBuffer(all, b, all.length - b));
                assertThat(drain(ch)).as("split at %d,%d", a, b).containsExactly("msg:" + OPTIONS, "msg:" + INVITE);
                ch.finishAndReleaseAll();
            }
        }
    }

    @Test
    void framesTheStreamFedOneByteAtATime() {
        byte[] all = STREAM.getBytes(StandardCharsets.US_ASCII);
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
        for (byte b : all) {
            ch.writeInbound(Unpooled.copiedBuffer(new byte[] {b}));
        }
        assertThat(drain(ch)).isEqualTo(EXPECTED);
    }

    @Test
    void reportsAMissingContentLengthOnceAndDiscardsTheRest() {
        String noLength = "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n\r\nhello";
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
        ch.writeInbound(Unpooled.copiedBuffer(noLength + OPTIONS, StandardCharsets.US_ASCII));
        List<Object> out = frames(ch);
        assertThat(out).hasSize(1);
        Frame.Broken broken = (Frame.Broken) out.get(0);
        assertThat(broken.reason()).contains("missing Content-Length");
        assertThat(new String(broken.head(), StandardCharsets.US_ASCII)).startsWith("MESSAGE sip:a@b");
    }

    @Test
    void reportsAMalformedContentLength() {
        for (String value : List.of("abc", "-1", "12 34", "99999999999", "")) {
            String msg = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: " + value + "\r\n\r\n";
            EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
            ch.writeInbound(Unpooled.copiedBuffer(msg, StandardCharsets.US_ASCII));
            assertThat(frames(ch)).as(value).singleElement()
                    .satisfies(f -> assertThat(((Frame.Broken) f).reason()).contains("malformed"));
        }
    }

    @Test
    void refusesTwoContentLengthsThatDisagree() {
        String msg = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\nl: 3\r\n\r\nabc";
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(65_535, 8_192));
        ch.writeInbound(Unpooled.copiedBuffer(msg, StandardCharsets.US_ASCII));
        assertThat(frames(ch)).singleElement().isInstanceOf(Frame.Broken.class);
    }

    @Test
    void refusesAMessageLongerThanTheLimitBeforeReadingItsBody() {
        String msg = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n";
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(4_096, 1_024));
        ch.writeInbound(Unpooled.copiedBuffer(msg, StandardCharsets.US_ASCII));
        assertThat(frames(ch)).singleElement()
                .satisfies(f -> assertThat(((Frame.Broken) f).reason()).contains("longer than 4096"));
    }

    @Test
    void refusesAnEndlessHeaderSection() {
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFramer(4_096, 1_024));
        ch.writeInbound(Unpooled.copiedBuffer("OPTIONS sip:a@b SIP/2.0\r\n", StandardCharsets.US_ASCII));
        for (int i = 0; i < 100; i++) {
            ch.writeInbound(Unpooled.copiedBuffer("X-Filler: 0123456789\r\n", StandardCharsets.US_ASCII));
        }
        List<Object> out = frames(ch);
        assertThat(out).singleElement().isInstanceOf(Frame.Broken.class);
        assertThat(((Frame.Broken) out.get(0)).head()).hasSize(1_024);
    }

    private static List<Object> frames(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }

    private static List<String> drain(EmbeddedChannel ch) {
        return frames(ch).stream().map(f -> switch ((Frame) f) {
            case Frame.Message m -> "msg:" + new String(m.bytes(), StandardCharsets.US_ASCII);
            case Frame.Ping p -> "ping";
            case Frame.Broken b -> "broken:" + b.reason();
        }).toList();
    }
}
