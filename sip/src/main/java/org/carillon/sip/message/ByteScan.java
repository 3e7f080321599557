package org.carillon.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time search for line ends, the parser's innermost loop. */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CR = ONES * '\r';
    private static final long LF = ONES * '\n';

    private ByteScan() {
    }

    /** Index of the first CR or LF in {@code b[from, to)}, or {@code to}. */
    static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ CR;
            long y = w ^ LF;
            // a zero byte in x or y marks a CR or LF (classic "has zero byte" test)
            long hit = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
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
