package org.carillon.portal.view;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 encoding of a page's characters for {@link PageBuffer} (issue 8, bench/portal). The JDK's UTF-8 encoder, which
 * Tomcat's writer uses, copies ASCII with vector instructions only up to the first other character of each call and
 * goes one character at a time from there; the portal's pages have a dash in their title and an ellipsis or arrow in
 * their tables, so nearly every page was encoded the slow way. Here the runs of ASCII go through the JDK's US-ASCII
 * encoder (the same vectorised copy, which stops at the first other character) and only the other characters are
 * encoded one by one, after which the copy resumes. A lone surrogate becomes {@code ?}, as with the JDK's UTF-8
 * encoder and Tomcat's replacement action.
 */
final class Utf8 {
    private Utf8() {
    }

    /** An encoded page: {@code bytes[0, length)}. */
    record Encoded(byte[] bytes, int length) {
    }

    static Encoded encode(char[] src, int length) {
        CharsetEncoder ascii = StandardCharsets.US_ASCII.newEncoder();
        CharBuffer in = CharBuffer.wrap(src, 0, length);
        ByteBuffer out = ByteBuffer.wrap(new byte[length + 64]);
        while (in.hasRemaining()) {
            CoderResult result = ascii.encode(in, out, false);
            if (result.isOverflow()) {
                out = grow(out, 4);
            } else if (result.isError() || in.hasRemaining()) {   // a non-ASCII character (or a trailing surrogate)
                if (out.remaining() < 4) {
                    out = grow(out, 4);
                }
                in.position(in.position() + encodeOne(src, length, in.position(), out));
            }
        }
        return new Encoded(out.array(), out.position());
    }

    private static ByteBuffer grow(ByteBuffer out, int atLeast) {
        byte[] bigger = Arrays.copyOf(out.array(), Math.max(out.capacity() * 2, out.capacity() + atLeast));
        return ByteBuffer.wrap(bigger).position(out.position());
    }

    /** Encodes the character (or surrogate pair) at {@code src[i]}; returns the number of characters taken. */
    private static int encodeOne(char[] src, int length, int i, ByteBuffer out) {
        char c = src[i];
        if (c < 0x80) {
            out.put((byte) c);
        } else if (c < 0x800) {
            out.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
        } else if (!Character.isSurrogate(c)) {
            out.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(src[i + 1])) {
            int cp = Character.toCodePoint(c, src[i + 1]);
            out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F)).put((byte) (0x80 | cp >> 6 & 0x3F))
                    .put((byte) (0x80 | cp & 0x3F));
            return 2;
        } else {
            out.put((byte) '?');
        }
        return 1;
    }
}
