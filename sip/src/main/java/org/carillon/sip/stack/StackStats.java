package org.carillon.sip.stack;

import java.util.concurrent.atomic.LongAdder;
import org.carillon.sip.transport.TransportCounters;

/** Live counters behind {@link StackCounters}. */
final class StackStats {
    final LongAdder parseFailures = new LongAdder();
    final LongAdder badRequestsAnswered = new LongAdder();
    final LongAdder retransmissionsOut = new LongAdder();
    final LongAdder retransmissionsIn = new LongAdder();
    final LongAdder strayResponses = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder internalErrors = new LongAdder();

    StackCounters snapshot(TransportCounters t) {
        long drops = t.oversizeDrops() + t.unframeable() + t.sendDrops() + rejected.sum();
        return new StackCounters(t.received(), t.sent(), parseFailures.sum(), badRequestsAnswered.sum(),
                retransmissionsOut.sum(), retransmissionsIn.sum(), strayResponses.sum(), drops, internalErrors.sum(), t);
    }
}
