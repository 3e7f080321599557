package org.carillon.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Serializes a message to its wire form: start line with single SPs, each header field as
 * {@code Name: value} with its canonical name (unchanged values are copied from the received
 * bytes), a Content-Length equal to the body length (RFC 3261 §18.3; added if absent, corrected
 * if wrong, one only), the empty line and the body. Stateless and thread-safe.
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
            n = r.method().length() + 1 + utf8Length(r.rawRequestUri()) + 1 + SIP_20.length;
        } else {
            SipResponse r = (SipResponse) m;
            n = SIP_20.length + 1 + Integer.toString(r.statusCode()).length() + 1 + utf8Length(r.reasonPhrase());
        }
        n += 2;
        SipHeaders h = m.headers();
        for (int i = 0; i < h.size(); i++) {
            HeaderName name = h.name(i);
            if (name == HeaderName.CONTENT_LENGTH) {
                continue;
            }
            n += name.wirePrefix().length + 2;
            n += h.isRawSlice(i) ? h.end(i) - h.start(i) : utf8Length(h.value(i));
        }
        n += HeaderName.CONTENT_LENGTH.wirePrefix().length + Integer.toString(m.bodyLength()).length() + 2;
        return n + 2 + m.bodyLength();
    }

    private static int utf8Length(String v) {
        int n = v.length();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 0x80) {
                return v.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Appends the wire form to {@code out} at its writer index. */
    public static void write(SipMessage m, ByteBuf out) {
        write(m, new BufSink(out));
    }

    private static void write(SipMessage m, Sink s) {
        if (m instanceof SipRequest r) {
            s.ascii(r.method());
            s.put(' ');
            s.utf8(r.rawRequestUri());
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
        boolean wroteLength = false;
        for (int i = 0; i < h.size(); i++) {
            HeaderName n = h.name(i);
            if (n == HeaderName.CONTENT_LENGTH) {
                if (!wroteLength) {
                    contentLength(s, m.bodyLength());
                    wroteLength = true;
                }
                continue;
            }
            byte[] prefix = n.wirePrefix();
            s.bytes(prefix, 0, prefix.length);
            if (h.isRawSlice(i)) {
                s.bytes(h.src(), h.start(i), h.end(i) - h.start(i));
            } else {
                s.utf8(h.value(i));
            }
            s.bytes(CRLF, 0, 2);
        }
        if (!wroteLength) {
            contentLength(s, m.bodyLength());
        }
        s.bytes(CRLF, 0, 2);
        s.bytes(m.bodySrc(), m.bodyOffset(), m.bodyLength());
    }

    private static void contentLength(Sink s, int length) {
        byte[] prefix = HeaderName.CONTENT_LENGTH.wirePrefix();
        s.bytes(prefix, 0, prefix.length);
        s.ascii(Integer.toString(length));
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
