package org.carillon.media.rtp;

/**
 * Receive figures of one stream at one moment.
 *
 * @param packetsReceived valid packets accounted
 * @param packetsExpected packets the sequence numbers say were sent
 * @param packetsLost expected minus received, never negative
 * @param jitterMillis interarrival jitter (RFC 3550 §6.4.1), in milliseconds
 */
public record StreamStatistics(long packetsReceived, long packetsExpected, long packetsLost, double jitterMillis) {

    /** Loss as a fraction 0..1 of the packets expected. */
    public double lossFraction() {
        return packetsExpected == 0 ? 0 : (double) packetsLost / packetsExpected;
    }
}
