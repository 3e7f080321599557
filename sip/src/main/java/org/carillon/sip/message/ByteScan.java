package org.carillon.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time search for line ends, the parser's innermost loop. */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BELOW_0E = ONES * 0x0e;

    private ByteScan() {
    }

    private static final long BELOW_21 = ONES * 0x21;
    private static final long COLONS = ONES * ':';

    /**
     * Where a header name starting at {@code from} ends if it is directly followed by its colon:
     * the index of the first byte in {@code b[from, from + 24)} that is a colon or below 0x21
     * (SP, HTAB, CR, LF, another control), or -1 if there is none or fewer than 8 bytes remain
     * to read a word from. The caller checks that byte is the colon; a name with whitespace
     * before its colon, a long name or one near the end of the input takes the byte loop.
     */
    static int nameEnd(byte[] b, int from, int to) {
        for (int i = from; i + 8 <= to && i < from + 24; i += 8) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ COLONS;
            // the lowest flagged byte of each test is exact, so the lowest of both is too
            long hit = ((x - ONES) & ~x | (w - BELOW_21) & ~w) & HIGHS;
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        return -1;
    }

    /**
     * Index of the first byte in {@code b[from, to)} that is not visible ASCII (0x21-0x7e: so a
     * SP, a control, DEL or a byte from 0x80 up), or {@code to}. The Request-URI ends at one.
     */
    static int firstNotVisible(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            // below 0x21: the borrow test; from 0x7f up: adding 1 sets the top bit (a carry out
            // of a byte comes only from 0xff, itself flagged), or it was set. Each test's lowest
            // flag is exact, so the lowest of all is.
            long hit = ((w - BELOW_21) & ~w | (w + ONES) | w) & HIGHS;
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < to; i++) {
            int x = b[i] & 0xff;
            if (x <= 0x20 || x >= 0x7f) {
                return i;
            }
        }
        return to;
    }

    /** Index of the first CR or LF in {@code b[from, to)}, or {@code to}. */
    static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            // one test for "a byte below 0x0e" instead of two for "a CR" and "an LF": CR (0x0d)
            // and LF (0x0a) are below it and header text rarely has any other such byte (HTAB
            // in LWS, controls in a quoted-string, RFC 4475 §3.1.1.2). The lowest flagged byte
            // is exact (borrows only run upwards); a flagged one that is not CR/LF restarts the
            // search after it. Bytes from 0x80 up are never flagged (~w clears their top bit).
            long hit = (w - BELOW_0E) & ~w & HIGHS;
            if (hit != 0) {
                int k = i + (Long.numberOfTrailingZeros(hit) >>> 3);
                byte c = b[k];
                if (c == '\r' || c == '\n') {
                    return k;
                }
                i = k + 1;
                continue;
            }
            i += 8;
        }
        while (i < to) {
            byte c = b[i];
            if (c == '\r' || c == '\n') {
                return i;
            }
            i++;
        }
        return to;
    }
}
