package org.carillon.sip.message;

import io.netty.buffer.ByteBuf;
import org.carillon.sip.syntax.SipParseException;

/**
 * Finds where one message ends in a byte stream (RFC 3261 §18.3): after the empty line that
 * ends the headers, plus Content-Length bytes. Used by stream transports (TCP, TLS) before
 * {@link SipParser}; a datagram needs no framing.
 *
 * <p>Typical use on each read: skip {@link #leadingCrlf} bytes (keep-alive pings, RFC 5626 §4.4.1),
 * then {@link #messageLength}; if it returns {@link #NEED_MORE}, wait for more bytes, otherwise
 * hand exactly that many bytes to the parser. Stateless and thread-safe.
 *
 * <p>A message without Content-Length is framed as having no body: §18.3 makes the header
 * mandatory on streams, and treating absence as 0 is the only choice that keeps the stream in
 * step. Two Content-Length headers with different values are a framing error.
 */
public final class Framing {
    /** Returned by {@link #messageLength} when the message is not complete yet. */
    public static final int NEED_MORE = -1;

    private Framing() {
    }

    /** Number of CR and LF bytes at the start of {@code b[off, off+len)}. */
    public static int leadingCrlf(byte[] b, int off, int len) {
        int i = 0;
        while (i < len && (b[off + i] == '\r' || b[off + i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Number of CR and LF bytes at the reader index of {@code buf}. */
    public static int leadingCrlf(ByteBuf buf) {
        int i = 0;
        int r = buf.readerIndex();
        int n = buf.readableBytes();
        while (i < n) {
            byte c = buf.getByte(r + i);
            if (c != '\r' && c != '\n') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Length of the message starting at {@code b[off]} (which must not be a CR or LF), or
     * {@link #NEED_MORE}.
     *
     * @throws SipParseException 513 if the headers or the message exceed {@code limits}; 400 for a
     *                           malformed or conflicting Content-Length
     */
    public static int messageLength(byte[] b, int off, int len, SipParserLimits limits) {
        return frame(new ArrayBytes(b, off), len, limits);
    }

    /** Like {@link #messageLength(byte[], int, int, SipParserLimits)} over the readable bytes of {@code buf}. */
    public static int messageLength(ByteBuf buf, SipParserLimits limits) {
        if (buf.hasArray()) {
            return frame(new ArrayBytes(buf.array(), buf.arrayOffset() + buf.readerIndex()), buf.readableBytes(), limits);
        }
        return frame(new BufBytes(buf, buf.readerIndex()), buf.readableBytes(), limits);
    }

    private interface Bytes {
        byte at(int i);
    }

    private record ArrayBytes(byte[] b, int off) implements Bytes {
        @Override
        public byte at(int i) {
            return b[off + i];
        }
    }

    private record BufBytes(ByteBuf buf, int off) implements Bytes {
        @Override
        public byte at(int i) {
            return buf.getByte(off + i);
        }
    }

    private static int frame(Bytes b, int len, SipParserLimits limits) {
        int max = Math.min(len, limits.maxMessageBytes());
        int headerEnd = -1;
        int contentLength = -1;
        int lineStart = 0;
        for (int i = 0; i < max; i++) {
            if (b.at(i) != '\n') {
                continue;
            }
            // line [lineStart, i]; an empty line ("\r\n" or "\n") ends the headers
            int contentEnd = i > lineStart && b.at(i - 1) == '\r' ? i - 1 : i;
            if (contentEnd == lineStart && lineStart > 0) {
                headerEnd = i + 1;
                break;
            }
            int v = contentLengthValue(b, lineStart, contentEnd);
            if (v >= 0) {
                if (contentLength >= 0 && contentLength != v) {
                    throw SipParseException.bad("conflicting Content-Length headers");
                }
                contentLength = v;
            }
            lineStart = i + 1;
        }
        if (headerEnd < 0) {
            if (len >= limits.maxMessageBytes()) {
                throw SipParser.tooLarge("header section");
            }
            return NEED_MORE;
        }
        long total = (long) headerEnd + Math.max(contentLength, 0);
        if (total > limits.maxMessageBytes()) {
            throw SipParser.tooLarge("message of " + total + " bytes");
        }
        return total > len ? NEED_MORE : (int) total;
    }

    /** The value if line {@code [s, e)} is a Content-Length (or "l") header, else -1. */
    private static int contentLengthValue(Bytes b, int s, int e) {
        int i = s;
        String full = "content-length";
        int n = 0;
        while (i < e && n < full.length() && (b.at(i) | 0x20) == full.charAt(n)) {
            i++;
            n++;
        }
        if (!(n == full.length() || (n == 0 && i < e && (b.at(i) | 0x20) == 'l' && ++i > 0))) {
            return -1;
        }
        while (i < e && (b.at(i) == ' ' || b.at(i) == '\t')) {
            i++;
        }
        if (i >= e || b.at(i) != ':') {
            return -1;
        }
        i++;
        while (i < e && (b.at(i) == ' ' || b.at(i) == '\t')) {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < e && b.at(i) >= '0' && b.at(i) <= '9') {
            v = v * 10 + (b.at(i) - '0');
            i++;
            if (++digits > 9) {
                throw SipParser.tooLarge("Content-Length");
            }
        }
        while (i < e && (b.at(i) == ' ' || b.at(i) == '\t')) {
            i++;
        }
        if (digits == 0 || i != e) {
            throw SipParseException.bad("bad Content-Length");
        }
        return (int) v;
    }
}
