package org.carillon.portal.view;

/**
 * UTF-8 encoding of a page's characters for {@link PageBuffer} (issue 8, bench/portal). The JDK's UTF-8 encoder, which
 * Tomcat's writer uses, copies ASCII with a vector instruction only up to the first other character of each call and
 * goes character by character from there; the portal's pages have a dash in their title and an ellipsis or arrow in
 * their tables, so nearly every page was encoded the slow way. Here the ASCII test and the copy work on blocks of 16
 * characters, and only a block with another character is encoded one character at a time. A lone surrogate becomes
 * {@code ?}, as with the JDK's encoder and Tomcat's replacement action.
 */
final class Utf8 {
    private static final int BLOCK = 16;

    private Utf8() {
    }

    /** The number of bytes {@link #encode} writes for {@code src[0, length)}. */
    static int length(char[] src, int length) {
        int i = 0;
        int bytes = 0;
        while (i + BLOCK <= length) {
            int any = 0;
            for (int k = 0; k < BLOCK; k++) {
                any |= src[i + k];
            }
            if (any < 0x80) {
                i += BLOCK;
                bytes += BLOCK;
            } else {
                int end = i + BLOCK;
                while (i < end) {
                    bytes += lengthOne(src, length, i);
                    i += pair(src, length, i) ? 2 : 1;
                }
            }
        }
        while (i < length) {
            bytes += lengthOne(src, length, i);
            i += pair(src, length, i) ? 2 : 1;
        }
        return bytes;
    }

    private static int lengthOne(char[] src, int length, int i) {
        char c = src[i];
        if (c < 0x80) {
            return 1;
        } else if (c < 0x800) {
            return 2;
        } else if (!Character.isSurrogate(c)) {
            return 3;
        }
        return pair(src, length, i) ? 4 : 1;
    }

    /** Whether {@code src[i]} starts a surrogate pair. */
    private static boolean pair(char[] src, int length, int i) {
        return Character.isHighSurrogate(src[i]) && i + 1 < length && Character.isLowSurrogate(src[i + 1]);
    }

    /** Encodes {@code src[0, length)} into {@code dst} (at least {@link #length} long); returns the bytes written. */
    static int encode(char[] src, int length, byte[] dst) {
        int i = 0;
        int j = 0;
        while (i + BLOCK <= length) {
            int any = 0;
            for (int k = 0; k < BLOCK; k++) {
                any |= src[i + k];
            }
            if (any < 0x80) {
                for (int k = 0; k < BLOCK; k++) {
                    dst[j + k] = (byte) src[i + k];
                }
                i += BLOCK;
                j += BLOCK;
            } else {
                int end = i + BLOCK;
                while (i < end) {
                    j = encodeOne(src, length, i, dst, j);
                    i += pair(src, length, i) ? 2 : 1;
                }
            }
        }
        while (i < length) {
            j = encodeOne(src, length, i, dst, j);
            i += pair(src, length, i) ? 2 : 1;
        }
        return j;
    }

    /** Encodes the character (or surrogate pair) at {@code src[i]}; returns the next byte position. */
    private static int encodeOne(char[] src, int length, int i, byte[] dst, int j) {
        char c = src[i];
        if (c < 0x80) {
            dst[j++] = (byte) c;
        } else if (c < 0x800) {
            dst[j++] = (byte) (0xC0 | c >> 6);
            dst[j++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            dst[j++] = (byte) (0xE0 | c >> 12);
            dst[j++] = (byte) (0x80 | c >> 6 & 0x3F);
            dst[j++] = (byte) (0x80 | c & 0x3F);
        } else if (pair(src, length, i)) {
            int cp = Character.toCodePoint(c, src[i + 1]);
            dst[j++] = (byte) (0xF0 | cp >> 18);
            dst[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
            dst[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
            dst[j++] = (byte) (0x80 | cp & 0x3F);
        } else {
            dst[j++] = '?';
        }
        return j;
    }
}
