package org.carillon.media.rtp;

/**
 * 32-bit RTP timestamp arithmetic with wrap-around (RFC 3550 §5.1). Timestamps are held in ints and read as
 * unsigned; differences are signed and assume the two lie within 2^31 ticks (74 hours at 8 kHz).
 */
public final class RtpTimestamp {

    private RtpTimestamp() {
    }

    /** Signed ticks from {@code from} to {@code to}. */
    public static int distance(int from, int to) {
        return to - from;
    }

    /** Whether {@code a} is later than {@code b}. */
    public static boolean isNewer(int a, int b) {
        return a - b > 0;
    }

    /** The timestamp as an unsigned long, 0..2^32-1. */
    public static long unsigned(int timestamp) {
        return timestamp & 0xFFFF_FFFFL;
    }

    /** Ticks of a {@code clockRate} Hz clock in {@code nanos} nanoseconds (rounded down). */
    public static long ticks(long nanos, int clockRate) {
        return nanos / 1_000L * clockRate / 1_000_000L; // microseconds first: no overflow for months
    }
}
