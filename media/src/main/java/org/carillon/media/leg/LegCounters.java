package org.carillon.media.leg;

import org.carillon.media.rtp.Counter;

/**
 * Per-leg packet counters. Every packet that is not forwarded is counted under the reason it was dropped
 * (the Jitsi habit: bad input is counted, never thrown). Written by the leg's event loop; read anywhere.
 */
public final class LegCounters {

    final Counter packetsIn = new Counter();
    final Counter bytesIn = new Counter();
    final Counter malformed = new Counter();
    final Counter directionDropped = new Counter();
    final Counter unknownPayload = new Counter();
    final Counter packetsOut = new Counter();
    final Counter bytesOut = new Counter();
    final Counter noTarget = new Counter();
    final Counter congested = new Counter();
    final Counter dtmfEvents = new Counter();
    final Counter rtcpIn = new Counter();

    /** A copy of the counters; {@code rejectedSource} comes from the leg's address latch. */
    LegStatistics.Counts snapshot(long rejectedSource) {
        return new LegStatistics.Counts(packetsIn.get(), bytesIn.get(), malformed.get(), rejectedSource,
                directionDropped.get(), unknownPayload.get(), packetsOut.get(), bytesOut.get(), noTarget.get(),
                congested.get(), dtmfEvents.get(), rtcpIn.get());
    }
}
