package org.carillon.media.rtcp;

/**
 * One RTCP reception report block (RFC 3550 §6.4.1).
 *
 * @param ssrc the source this block reports on
 * @param fractionLost loss since the previous report, 8-bit fixed point (0..255 = 0..~100 %)
 * @param cumulativeLost packets lost since the start, signed 24-bit
 * @param extendedHighestSequence cycles in the upper 16 bits, highest sequence number in the lower
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSenderReport middle 32 bits of the NTP time of the last SR received from the source (0: none)
 * @param delaySinceLastSenderReport in units of 1/65536 s
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    /** Size of a block on the wire, in bytes. */
    public static final int LENGTH = 24;
}
