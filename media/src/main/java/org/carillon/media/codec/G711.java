package org.carillon.media.codec;

/**
 * G.711 µ-law and A-law as ITU-T G.711 (11/88) defines them, bit-exact with the ITU's reference code in
 * the G.191 Software Tool Library ({@code ulaw_compress}, {@code alaw_compress} and their expanders):
 * µ-law quantises the upper 14 bits of a 16-bit sample, A-law the upper 13, negative values through their
 * one's complement.
 *
 * <p>Everything is a table lookup (16 KiB + 8 KiB + 4 × 256 entries, built once at class load), so the
 * packet path does an array read per sample. Stateless and thread-safe.
 */
public final class G711 {

    private static final byte[] ULAW_ENCODE = new byte[1 << 14];
    private static final byte[] ALAW_ENCODE = new byte[1 << 12];
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        // µ-law: code depends only on sample >> 2 (and ~x >> 2 == ~(x >> 2)), so index by the 14-bit value.
        for (int i = 0; i < ULAW_ENCODE.length; i++) {
            int x = (short) (i << 2) >> 2; // sign-extend the 14-bit index
            ULAW_ENCODE[i] = (byte) ulawCode(x);
        }
        // A-law: code depends only on sample >> 4, a 12-bit value.
        for (int i = 0; i < ALAW_ENCODE.length; i++) {
            int x = (short) (i << 4) >> 4;
            ALAW_ENCODE[i] = (byte) alawCode(x);
        }
        for (int c = 0; c < 256; c++) {
            ULAW_DECODE[c] = (short) ulawValue(c);
            ALAW_DECODE[c] = (short) alawValue(c);
        }
        for (int c = 0; c < 256; c++) {
            ULAW_TO_ALAW[c] = alawEncode(ULAW_DECODE[c]);
            ALAW_TO_ULAW[c] = ulawEncode(ALAW_DECODE[c]);
        }
    }

    private G711() {
    }

    /** µ-law code (as a byte) of a 16-bit linear sample. */
    public static byte ulawEncode(int sample) {
        return ULAW_ENCODE[(sample >> 2) & 0x3FFF];
    }

    /** A-law code (as a byte) of a 16-bit linear sample. */
    public static byte alawEncode(int sample) {
        return ALAW_ENCODE[(sample >> 4) & 0x0FFF];
    }

    /** 16-bit linear value of a µ-law code. */
    public static short ulawDecode(int code) {
        return ULAW_DECODE[code & 0xFF];
    }

    /** 16-bit linear value of an A-law code. */
    public static short alawDecode(int code) {
        return ALAW_DECODE[code & 0xFF];
    }

    /** A-law code for the value a µ-law code decodes to (transcoding through linear PCM). */
    public static byte ulawToAlaw(int code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    /** µ-law code for the value an A-law code decodes to. */
    public static byte alawToUlaw(int code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /** A copy of the 256-entry µ-law to A-law table, for in-place payload rewriting. */
    static byte[] ulawToAlawTable() {
        return ULAW_TO_ALAW.clone();
    }

    /** A copy of the 256-entry A-law to µ-law table. */
    static byte[] alawToUlawTable() {
        return ALAW_TO_ULAW.clone();
    }

    // x is the 14-bit sample. Magnitude biased by 33 and clipped at 8191; the segment is where its top bit
    // lies (bit 5 -> segment 0 ... bit 12 -> segment 7); the code stores segment and 4 mantissa bits inverted.
    private static int ulawCode(int x) {
        int sign = x < 0 ? 0x00 : 0x80;
        int magnitude = Math.min((x < 0 ? ~x : x) + 33, 0x1FFF);
        int segment = (31 - Integer.numberOfLeadingZeros(magnitude)) - 5;
        int mantissa = (magnitude >> (segment + 1)) & 0x0F;
        return sign | ((7 - segment) << 4) | (15 - mantissa);
    }

    // x is the 12-bit sample. Below 16 the magnitude is stored as is (segment 0); above, the segment is the
    // top bit's position minus 3 and the mantissa the 4 bits below it. Even bits are inverted (XOR 0x55).
    private static int alawCode(int x) {
        int magnitude = x < 0 ? ~x : x;
        int code;
        if (magnitude < 16) {
            code = magnitude;
        } else {
            int segment = (31 - Integer.numberOfLeadingZeros(magnitude)) - 3;
            code = (segment << 4) | ((magnitude >> (segment - 1)) & 0x0F);
        }
        return (x < 0 ? code : code | 0x80) ^ 0x55;
    }

    private static int ulawValue(int code) {
        int c = ~code & 0xFF;
        int segment = (c >> 4) & 0x07;
        int magnitude = ((((c & 0x0F) << 3) + 0x84) << segment) - 0x84;
        return (c & 0x80) != 0 ? -magnitude : magnitude;
    }

    private static int alawValue(int code) {
        int c = code ^ 0x55;
        int segment = (c >> 4) & 0x07;
        int magnitude = ((c & 0x0F) << 4) + 8;
        if (segment > 0) {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }
        return (c & 0x80) != 0 ? magnitude : -magnitude;
    }
}
