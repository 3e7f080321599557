package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.carillon.sip.syntax.SipParseException;
import org.junit.jupiter.api.Test;

class FramingTest {
    private static final SipParserLimits LIMITS = SipParserLimits.DEFAULTS;

    private static byte[] stream(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\r\n\r\n".getBytes()); // a keep-alive ping first (RFC 5626 §4.4.1)
        for (byte[] m : messages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    /** Feeds {@code data} in two reads split at {@code split}; returns the messages framed. */
    private static int frameAll(byte[] data, int split, boolean direct) {
        ByteBuf buf = direct ? Unpooled.directBuffer() : Unpooled.buffer();
        int framed = 0;
        try {
            for (byte[] chunk : new byte[][] {Arrays.copyOf(data, split), Arrays.copyOfRange(data, split, data.length)}) {
                buf.writeBytes(chunk);
                while (true) {
                    buf.skipBytes(Framing.leadingCrlf(buf));
                    if (!buf.isReadable()) {
                        break;
                    }
                    int n = Framing.messageLength(buf, LIMITS);
                    if (n == Framing.NEED_MORE) {
                        break;
                    }
                    SipMessage m = SipParser.wireDefault().parse(buf.slice(buf.readerIndex(), n));
                    assertThat(m.callId()).isNotEmpty();
                    buf.skipBytes(n);
                    framed++;
                }
            }
            assertThat(buf.readableBytes()).isZero();
            return framed;
        } finally {
            buf.release();
        }
    }

    @Test
    void framesTwoMessagesAtEverySplitPointOfTheStream() {
        byte[] invite = Messages.crlf(Messages.INVITE);
        byte[] bye = Messages.crlf("""
                BYE sip:alice@pc33.atlanta.example.com SIP/2.0
                Via: SIP/2.0/TCP 192.0.2.4;branch=z9hG4bKnashds10
                Max-Forwards: 70
                From: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
                To: Alice <sip:alice@atlanta.example.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 231 BYE
                l: 0

                """);
        byte[] data = stream(invite, bye);
        for (int split = 0; split <= data.length; split++) {
            assertThat(frameAll(data, split, false)).as("split at %d", split).isEqualTo(2);
            assertThat(frameAll(data, split, true)).as("direct buffer, split at %d", split).isEqualTo(2);
        }
    }

    @Test
    void headerSectionBeyondTheLimitIsRefusedBeforeBuffering() {
        byte[] endless = ("INVITE sip:a@b SIP/2.0\r\nX: " + "a".repeat(2000)).getBytes();
        SipParserLimits small = new SipParserLimits(1024, 64, 512);
        assertThatThrownBy(() -> Framing.messageLength(endless, 0, endless.length, small))
                .isInstanceOfSatisfying(SipParseException.class, e -> assertThat(e.statusHint()).isEqualTo(513));
    }

    @Test
    void conflictingContentLengthsAreAFramingError() {
        byte[] m = Messages.crlf("OPTIONS sip:a@b SIP/2.0\nContent-Length: 3\nl: 4\n\nabcd");
        assertThatThrownBy(() -> Framing.messageLength(m, 0, m.length, LIMITS)).isInstanceOf(SipParseException.class);
    }

    @Test
    void missingContentLengthOnAStreamMeansNoBody() {
        byte[] m = Messages.crlf("OPTIONS sip:a@b SIP/2.0\nCall-ID: x\n\nOPTIONS");
        assertThat(Framing.messageLength(m, 0, m.length, LIMITS)).isEqualTo(m.length - "OPTIONS".length());
    }
}
