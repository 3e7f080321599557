package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {
    /** The reference: a plain byte loop. */
    private static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\r' || b[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    @Test
    void findsTheFirstCrOrLfPastOtherLowAndHighBytes() {
        // HTAB, NUL, BEL and 0x0b-0x0c are flagged by the word test but are not line ends;
        // 0x0e and 0x80+ bytes must not hide a CR/LF right after them (borrows, sign bits)
        byte[] b = "ab\tc\u0000d\u0007e\u000b\u000cf\u000e\u000eg\r\nz".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ByteScan.lineEnd(b, 0, b.length)).isEqualTo(14);
        byte[] high = {(byte) 0x80, (byte) 0xff, (byte) 0x8e, 0x0e, (byte) 0xe0, 0x0d, 'x', 'y', 'z', 'w'};
        assertThat(ByteScan.lineEnd(high, 0, high.length)).isEqualTo(5);
        assertThat(ByteScan.lineEnd(high, 6, high.length)).isEqualTo(high.length);
    }

    @Test
    void firstNotVisibleAgreesWithAByteLoop() {
        Random r = new Random(4475);
        byte[] alphabet = {' ', 0x21, 0x7e, 0x7f, (byte) 0x80, (byte) 0xff, 0, '\t', '\r', 0x20, 0x1f, (byte) 0xfe};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(6) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) (0x21 + r.nextInt(0x5e));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + r.nextInt(b.length - from + 1);
            int expected = to;
            for (int i = from; i < to; i++) {
                int x = b[i] & 0xff;
                if (x <= 0x20 || x >= 0x7f) {
                    expected = i;
                    break;
                }
            }
            assertThat(ByteScan.firstNotVisible(b, from, to)).as("bytes %s from %d to %d", java.util.Arrays.toString(b), from, to)
                    .isEqualTo(expected);
        }
    }

    @Test
    void agreesWithAByteLoopOnRandomLines() {
        Random r = new Random(3261);
        byte[] alphabet = {'\r', '\n', '\t', 0, 0x0b, 0x0c, 0x0e, 0x0f, ' ', 'a', ':', (byte) 0x80, (byte) 0x8d,
            (byte) 0x8a, (byte) 0xff, 0x7f};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + r.nextInt(b.length - from + 1);
            assertThat(ByteScan.lineEnd(b, from, to)).as("bytes %s from %d to %d", java.util.Arrays.toString(b), from, to)
                    .isEqualTo(naive(b, from, to));
        }
    }
}
