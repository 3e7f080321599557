package org.carillon.media.rtp;

/** 16-bit RTP sequence-number arithmetic with wrap-around (RFC 3550 §5.1, Appendix A.1). */
public final class RtpSequence {

    private RtpSequence() {
    }

    /** The number after {@code seq}, wrapping 65535 to 0. */
    public static int next(int seq) {
        return (seq + 1) & 0xFFFF;
    }

    /** {@code seq + delta} modulo 2^16. */
    public static int add(int seq, int delta) {
        return (seq + delta) & 0xFFFF;
    }

    /**
     * Signed distance from {@code from} to {@code to}, in -32768..32767: positive when {@code to} is later,
     * treating the shorter way round the circle as the truth.
     */
    public static int distance(int from, int to) {
        return (short) (to - from);
    }

    /** Whether {@code a} comes after {@code b} (by less than half the number space). */
    public static boolean isNewer(int a, int b) {
        return distance(b, a) > 0;
    }
}
