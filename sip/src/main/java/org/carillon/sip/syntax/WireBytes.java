package org.carillon.sip.syntax;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that header values and URIs write their wire form into (UTF-8, RFC 3261
 * §7.3.1), so a header a proxy adds goes from its typed form to bytes without a {@code String}
 * in between. Remembers whether a CR, LF or NUL was written, which no header value may contain.
 *
 * <p>The {@code appendTo(WireBytes)} methods of the header and URI types produce exactly the
 * bytes of their {@code toString()} encoded as UTF-8. Not thread-safe.
 */
public final class WireBytes {
    private byte[] buf;
    private int size;
    private boolean hasLineBreak; // a CR, LF or NUL was written

    /** An empty builder with room for {@code capacity} bytes before it grows. */
    public WireBytes(int capacity) {
        buf = new byte[capacity];
    }

    /** Appends one ASCII character. */
    public WireBytes append(char c) {
        if (c >= 0x80) {
            return append(String.valueOf(c));
        }
        ensure(1);
        buf[size++] = (byte) c;
        hasLineBreak |= isLineBreak(c);
        return this;
    }

    /** Appends {@code s} as UTF-8. */
    public WireBytes append(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int p = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((char) (c - 0x0e) >= 0x80 - 0x0e) { // rare: below 0x0e or not ASCII
                if (c >= 0x80) { // encode the rest with the JDK
                    size = p + i;
                    return appendEncoded(s.substring(i));
                }
                hasLineBreak |= isLineBreak(c);
            }
            b[p + i] = (byte) c;
        }
        size = p + n;
        return this;
    }

    /** Appends a non-negative decimal number. */
    public WireBytes append(int v) {
        if (v < 0) {
            return append(Integer.toString(v));
        }
        int digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : 6;
        for (int x = v / 1000000; x > 0; x /= 10) {
            digits++;
        }
        ensure(digits);
        for (int p = size + digits - 1; p >= size; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
        return this;
    }

    private WireBytes appendEncoded(String s) {
        byte[] e = s.getBytes(StandardCharsets.UTF_8);
        ensure(e.length);
        for (byte c : e) {
            hasLineBreak |= c == '\r' || c == '\n' || c == 0;
        }
        System.arraycopy(e, 0, buf, size, e.length);
        size += e.length;
        return this;
    }

    private static boolean isLineBreak(char c) {
        return c <= '\r' && (c == '\r' || c == '\n' || c == 0);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /**
     * The backing array; bytes {@code [0, size())} are the ones written. Shared, not copied: the
     * caller takes it over and stops appending.
     */
    public byte[] array() {
        return buf;
    }

    /**
     * Drops the bytes from {@code newSize} on, e.g. a value just appended and then refused; the
     * line-break mark is cleared (the bytes kept are ones the caller accepted).
     *
     * @throws IndexOutOfBoundsException if {@code newSize} is negative or above {@link #size()}
     */
    public void truncate(int newSize) {
        java.util.Objects.checkIndex(newSize, size + 1);
        size = newSize;
        hasLineBreak = false;
    }

    /** An independent copy of the bytes written (and the mark), to append to separately. */
    public WireBytes copy() {
        WireBytes c = new WireBytes(0);
        c.buf = buf.clone();
        c.size = size;
        c.hasLineBreak = hasLineBreak;
        return c;
    }

    /** Whether a CR, LF or NUL was written (never valid inside a header value). */
    public boolean hasLineBreak() {
        return hasLineBreak;
    }

    @Override
    public String toString() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }
}
