package org.carillon.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** Live counters behind {@link TransportCounters}; LongAdder because every event loop writes them. */
final class TransportStats {
    final LongAdder received = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder oversizeDrops = new LongAdder();
    final LongAdder unframeable = new LongAdder();
    final LongAdder sendDrops = new LongAdder();
    final LongAdder keepAlives = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder connectionsIdleClosed = new LongAdder();
    final LongAdder sendWaits = new LongAdder();

    TransportCounters snapshot() {
        return new TransportCounters(received.sum(), sent.sum(), oversizeDrops.sum(), unframeable.sum(),
                sendDrops.sum(), keepAlives.sum(), connectionsOpened.sum(), connectionsRefused.sum(),
                connectionsIdleClosed.sum(), sendWaits.sum());
    }
}
