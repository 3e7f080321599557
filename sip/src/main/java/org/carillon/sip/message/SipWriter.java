package org.carillon.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Serializes a message to its wire form: start line with single SPs, each header field as
 * {@code Name: value} with its canonical name (unchanged values are copied from the received
 * bytes), a Content-Length equal to the body length (RFC 3261 §18.3; added if absent, corrected
 * if wrong, one only), the empty line and the body. Stateless and thread-safe.
 *
 * <p>Received lines that already read exactly {@code Name: value CRLF} and follow each other
 * in the received bytes are copied as one block, so a forwarded request costs a few copies
 * rather than three per header. {@link #toBytes} sizes its array from the character counts of
 * the new values (exact for ASCII; other text grows it once and trims at the end).
 */
public final class SipWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SIP_20 = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

    private SipWriter() {
    }

    /** The wire form as a new array, sized exactly (one pass to measure, one to copy). */
    public static byte[] toBytes(SipMessage m) {
        ArraySink s = new ArraySink(length(m));
        write(m, s);
        return s.toArray();
    }

    /** The number of bytes {@link #write} produces for {@code m}. */
    static int length(SipMessage m) {
        int n;
        if (m instanceof SipRequest r) {
            int uri = r.hasRequestUriBytes() ? r.requestUriEnd() - r.requestUriStart() : r.rawRequestUri().length();
            n = r.method().length() + 1 + uri + 1 + SIP_20.length;
        } else {
            SipResponse r = (SipResponse) m;
            n = SIP_20.length + 1 + Integer.toString(r.statusCode()).length() + 1 + r.reasonPhrase().length();
        }
        n += 2 + m.headers().wireLength();
        n += HeaderName.CONTENT_LENGTH.wirePrefix().length + digits(m.bodyLength()) + 2;
        return n + 2 + m.bodyLength();
    }

    /** Appends the wire form to {@code out} at its writer index. */
    public static void write(SipMessage m, ByteBuf out) {
        write(m, new BufSink(out));
    }

    private static void write(SipMessage m, Sink s) {
        if (m instanceof SipRequest r) {
            s.ascii(r.method());
            s.put(' ');
            if (r.hasRequestUriBytes()) { // received (ASCII, checked by the parser) or set in wire form
                s.bytes(r.requestUriArray(), r.requestUriStart(), r.requestUriEnd() - r.requestUriStart());
            } else {
                s.utf8(r.rawRequestUri());
            }
            s.put(' ');
            s.bytes(SIP_20, 0, SIP_20.length);
        } else {
            SipResponse r = (SipResponse) m;
            s.bytes(SIP_20, 0, SIP_20.length);
            s.put(' ');
            s.ascii(Integer.toString(r.statusCode()));
            s.put(' ');
            s.utf8(r.reasonPhrase());
        }
        s.bytes(CRLF, 0, 2);
        SipHeaders h = m.headers();
        byte[] src = h.src();
        // the first Content-Length is the one written; its received line is copied (and can be
        // part of a block) when it already gives the body length in canonical digits
        int firstLength = h.indexOf(HeaderName.CONTENT_LENGTH);
        int keptLength = firstLength >= 0 && isReceivedLength(h, firstLength, m.bodyLength()) ? firstLength : -1;
        // received lines are gathered into one pending block of src while they follow each other
        int blockStart = -1;
        int blockEnd = -1;
        for (int i = 0; i < h.size(); i++) {
            HeaderName n = h.nameAt(i);
            if (n == HeaderName.CONTENT_LENGTH && i != keptLength) {
                if (i == firstLength) {
                    blockEnd = flush(s, src, blockStart, blockEnd);
                    contentLength(s, m.bodyLength());
                }
                continue;
            }
            if (h.isCanonicalLine(i)) {
                int lineStart = h.start(i) - n.wirePrefix().length;
                if (lineStart != blockEnd) {
                    flush(s, src, blockStart, blockEnd);
                    blockStart = lineStart;
                }
                blockEnd = h.end(i) + 2;
                continue;
            }
            blockEnd = flush(s, src, blockStart, blockEnd);
            byte[] prefix = n.wirePrefix();
            s.bytes(prefix, 0, prefix.length);
            if (h.hasBytes(i)) {
                s.bytes(h.bytes(i), h.start(i), h.end(i) - h.start(i));
            } else {
                s.utf8(h.value(i));
            }
            s.bytes(CRLF, 0, 2);
        }
        if (firstLength < 0) {
            blockEnd = flush(s, src, blockStart, blockEnd);
            contentLength(s, m.bodyLength());
        }
        int bodyOffset = m.bodyOffset();
        if (blockEnd >= 0 && m.bodySrc() == src && bodyOffset == blockEnd + 2 && src[blockEnd] == '\r'
                && src[blockEnd + 1] == '\n') {
            // the usual received message: the last lines, the empty line and the body in one copy
            s.bytes(src, blockStart, bodyOffset + m.bodyLength() - blockStart);
            return;
        }
        flush(s, src, blockStart, blockEnd);
        s.bytes(CRLF, 0, 2);
        s.bytes(m.bodySrc(), bodyOffset, m.bodyLength());
    }

    /** Writes the pending block {@code src[start, end)} if there is one; returns -1 (no block). */
    private static int flush(Sink s, byte[] src, int start, int end) {
        if (end >= 0) {
            s.bytes(src, start, end - start);
        }
        return -1;
    }

    /**
     * Whether Content-Length field {@code i} is a received slice holding exactly the digits
     * {@link #contentLength} would write for {@code length} (no sign, no leading zero).
     */
    private static boolean isReceivedLength(SipHeaders h, int i, int length) {
        if (!h.isRawSlice(i)) {
            return false;
        }
        byte[] b = h.src();
        int start = h.start(i);
        int end = h.end(i);
        if (end - start > 9 || end == start || (b[start] == '0' && end - start > 1)) {
            return false;
        }
        int v = 0;
        for (int p = start; p < end; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        return v == length;
    }

    /** The number of decimal digits of {@code v} (non-negative), as {@link #contentLength} writes it. */
    private static int digits(int v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    private static void contentLength(Sink s, int length) {
        byte[] prefix = HeaderName.CONTENT_LENGTH.wirePrefix();
        s.bytes(prefix, 0, prefix.length);
        int scale = 1;
        while (scale <= length / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) { // the digits, without an Integer.toString
            s.put('0' + length / scale % 10);
        }
        s.bytes(CRLF, 0, 2);
    }

    private interface Sink {
        void put(int c);

        void bytes(byte[] b, int off, int len);

        default void ascii(String v) {
            for (int i = 0; i < v.length(); i++) {
                put(v.charAt(i));
            }
        }

        default void utf8(String v) {
            boolean ascii = true;
            for (int i = 0; i < v.length() && ascii; i++) {
                ascii = v.charAt(i) < 0x80;
            }
            if (ascii) {
                ascii(v);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                bytes(b, 0, b.length);
            }
        }
    }

    private static final class ArraySink implements Sink {
        private byte[] buf;
        private int n;

        ArraySink(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int extra) {
            if (n + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + extra));
            }
        }

        @Override
        public void put(int c) {
            ensure(1);
            buf[n++] = (byte) c;
        }

        @Override
        public void bytes(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        @Override
        public void ascii(String v) {
            ensure(v.length());
            for (int i = 0; i < v.length(); i++) {
                buf[n++] = (byte) v.charAt(i);
            }
        }

        /**
         * The JDK's encoder: for the usual Latin-1-coded ASCII string it is one vectorized check
         * and copy, several times faster than a charAt loop, for one short-lived array.
         */
        @Override
        public void utf8(String v) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            bytes(b, 0, b.length);
        }

        byte[] toArray() {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    private record BufSink(ByteBuf out) implements Sink {
        @Override
        public void put(int c) {
            out.writeByte(c);
        }

        @Override
        public void bytes(byte[] b, int off, int len) {
            out.writeBytes(b, off, len);
        }

        @Override
        public void ascii(String v) {
            out.writeCharSequence(v, StandardCharsets.US_ASCII);
        }
    }
}
