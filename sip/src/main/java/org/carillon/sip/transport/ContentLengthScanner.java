package org.carillon.sip.transport;

import io.netty.buffer.ByteBuf;

/**
 * Finds the Content-Length value (long form or compact {@code l}, RFC 3261 §7.3.3 and §20.14)
 * in a header section without parsing the message: the framer only needs this one number.
 * Header folding is not followed; a folded Content-Length is reported as malformed.
 */
final class ContentLengthScanner {

    /** Returned when the header section has no Content-Length. */
    static final long MISSING = -1;
    /** Returned when the value is not a decimal number, or two values disagree. */
    static final long MALFORMED = -2;

    private static final byte[] LONG_NAME = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long LIMIT = Integer.MAX_VALUE;

    private ContentLengthScanner() {
    }

    /**
     * @param from index of the start line
     * @param to   index just past the blank line that ends the header section
     */
    static long scan(ByteBuf buf, int from, int to) {
        long found = MISSING;
        int line = nextLine(buf, from, to); // skip the start line
        while (line >= 0 && line < to - 2) {
            int nameEnd = nameEnd(buf, line, to);
            if (nameEnd > 0 && isContentLength(buf, line, nameEnd)) {
                long value = value(buf, nameEnd, to);
                if (value < 0 || (found >= 0 && found != value)) {
                    return MALFORMED;
                }
                found = value;
            }
            line = nextLine(buf, line, to);
        }
        return found;
    }

    private static int nextLine(ByteBuf buf, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buf.getByte(i) == '\r' && buf.getByte(i + 1) == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    /** Index of the colon after the header name (optional whitespace allowed before it), or -1. */
    private static int nameEnd(ByteBuf buf, int line, int to) {
        for (int i = line; i < to; i++) {
            byte b = buf.getByte(i);
            if (b == ':') {
                return i;
            }
            if (b == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isContentLength(ByteBuf buf, int from, int colon) {
        int end = colon;
        while (end > from && (buf.getByte(end - 1) == ' ' || buf.getByte(end - 1) == '\t')) {
            end--;
        }
        int len = end - from;
        if (len == 1) {
            return (buf.getByte(from) | 0x20) == 'l';
        }
        if (len != LONG_NAME.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ((buf.getByte(from + i) | 0x20) != LONG_NAME[i]) {
                return false;
            }
        }
        return true;
    }

    private static long value(ByteBuf buf, int colon, int to) {
        int i = colon + 1;
        while (i < to && (buf.getByte(i) == ' ' || buf.getByte(i) == '\t')) {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < to && buf.getByte(i) >= '0' && buf.getByte(i) <= '9') {
            v = v * 10 + (buf.getByte(i) - '0');
            if (v > LIMIT) {
                return MALFORMED;
            }
            digits++;
            i++;
        }
        while (i < to && (buf.getByte(i) == ' ' || buf.getByte(i) == '\t')) {
            i++;
        }
        boolean endsLine = i + 1 < to && buf.getByte(i) == '\r' && buf.getByte(i + 1) == '\n';
        if (digits == 0 || !endsLine) {
            return MALFORMED;
        }
        // A continuation line (RFC 3261 §7.3.1 folding) would change the value: refuse it.
        if (i + 2 < to && (buf.getByte(i + 2) == ' ' || buf.getByte(i + 2) == '\t')) {
            return MALFORMED;
        }
        return v;
    }
}
