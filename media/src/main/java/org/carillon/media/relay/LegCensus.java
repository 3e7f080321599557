package org.carillon.media.relay;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carillon.media.leg.LegStatistics.Counts;
import org.carillon.media.leg.MediaLeg;

/**
 * The engine's media figures for monitoring and benchmarks: the legs open now, and packet counts summed over every
 * leg since the engine started (closed legs' final counts plus the open legs' current ones). Nothing is counted per
 * packet here: each leg keeps its own counters, read when a census is taken and folded in once when it closes.
 *
 * <p>Thread-safe.
 */
public final class LegCensus {

    /**
     * @param openLegs legs open now (two per anchored call)
     * @param totals   packet counts of every leg since start
     */
    public record Figures(int openLegs, Counts totals) {
    }

    private final Set<MediaLeg> open = ConcurrentHashMap.newKeySet();
    private Counts closed = zero();

    /** Counts {@code leg} from now until its sockets close. */
    void opened(MediaLeg leg) {
        open.add(leg);
        leg.channel().closeFuture().addListener(f -> closed(leg));
    }

    private void closed(MediaLeg leg) {
        Counts last = leg.statistics().counts();
        synchronized (this) {
            if (open.remove(leg)) {
                closed = plus(closed, last);
            }
        }
    }

    /** Open legs and totals; a leg closing meanwhile is counted once. */
    public synchronized Figures take() {
        Counts sum = closed;
        for (MediaLeg leg : open) {
            sum = plus(sum, leg.statistics().counts());
        }
        return new Figures(open.size(), sum);
    }

    private static Counts zero() {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Counts plus(Counts a, Counts b) {
        return new Counts(a.packetsIn() + b.packetsIn(), a.bytesIn() + b.bytesIn(), a.malformed() + b.malformed(),
                a.rejectedSource() + b.rejectedSource(), a.directionDropped() + b.directionDropped(),
                a.unknownPayload() + b.unknownPayload(), a.packetsOut() + b.packetsOut(),
                a.bytesOut() + b.bytesOut(), a.noTarget() + b.noTarget(), a.congested() + b.congested(),
                a.dtmfEvents() + b.dtmfEvents(), a.rtcpIn() + b.rtcpIn());
    }
}
