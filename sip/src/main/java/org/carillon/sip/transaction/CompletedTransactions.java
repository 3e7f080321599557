package org.carillon.sip.transaction;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.carillon.sip.transport.Flow;

/**
 * Non-INVITE server transactions over an unreliable transport that have sent their final
 * response: RFC 3261 §17.2.2's Completed state, in which the only work left is to answer each
 * retransmission of the request with that response until Timer J (64·T1) fires.
 *
 * <p>Why not keep the {@link ServerTransaction}: on UDP every REGISTER, OPTIONS or SUBSCRIBE
 * stays in Completed for 32 s, and the whole transaction (the parsed request, its state machine,
 * its timers) is about 2.5 kB, so a registrar answering 4,000 REGISTERs a second held some
 * 300,000 of them, which every young collection copied. An entry here keeps only the key, the
 * response bytes and where to send them. Timer J is one FIFO swept by one timer, not a timer per
 * transaction: every entry gets the same 64·T1, so insertion order is deadline order.
 *
 * <p>Threads: thread-safe and non-blocking (event loops look entries up; TU threads add them).
 */
final class CompletedTransactions {

    /** What absorbing a retransmission needs (§17.2.2), and the merge key to forget at Timer J. */
    record Entry(ServerKey key, byte[] response, Flow flow, Optional<MergeKey> mergeKey, long deadline) {
    }

    private final TransactionContext context;
    private final Consumer<Entry> expired;
    /** Timer J (64·T1 on an unreliable transport), fixed by the context's timers: computed once, not per response. */
    private final long timerJNanos;
    private final ConcurrentMap<ServerKey, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Entry> fifo = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweepArmed = new AtomicBoolean();

    /** @param expired told of each entry Timer J removed (the layer forgets its merge key) */
    CompletedTransactions(TransactionContext context, Consumer<Entry> expired) {
        this.context = context;
        this.expired = expired;
        this.timerJNanos = context.timers().timerJ(false).toNanos();
    }

    /**
     * Holds {@code response} for retransmissions of the request {@code key} names, for Timer J.
     * Beyond {@link TransactionContext#maxServerTransactions()} entries the oldest is dropped
     * early: under a flood, forgetting a response that has gone unrepeated for the longest time
     * (a retransmission then runs as a new request, which a REGISTER or OPTIONS tolerates) keeps
     * memory bounded without refusing new requests.
     */
    void add(ServerKey key, byte[] response, Flow flow, Optional<MergeKey> mergeKey) {
        long deadline = context.scheduler().nanoTime() + timerJNanos;
        Entry e = new Entry(key, response, flow, mergeKey, deadline);
        entries.put(key, e);
        fifo.add(e);
        if (entries.size() > context.maxServerTransactions()) {
            synchronized (fifo) {
                while (entries.size() > context.maxServerTransactions()) {
                    Entry oldest = fifo.poll();
                    if (oldest == null) {
                        break;
                    }
                    forget(oldest);
                }
            }
        }
        armSweep();
    }

    /**
     * Answers a retransmission of a completed request with its final response again.
     *
     * @param counted run before the response goes out (a peer that has the response has seen it counted)
     * @return false when no completed transaction has this key
     */
    boolean resend(ServerKey key, Runnable counted) {
        Entry e = entries.get(key);
        if (e == null) {
            return false;
        }
        counted.run();
        // a lost retransmitted response is what the client's next retransmission is for: no failure to report
        context.wire().send(e.response(), e.flow(), true, () -> { });
        return true;
    }

    int size() {
        return entries.size();
    }

    private void armSweep() {
        Entry head = fifo.peek();
        if (head != null && sweepArmed.compareAndSet(false, true)) {
            long delay = Math.max(0, head.deadline() - context.scheduler().nanoTime());
            context.scheduler().schedule(Duration.ofNanos(delay), this::sweep);
        }
    }

    /** Timer J of every entry due; re-arms for the next one (checked again after the flag is cleared, so none is missed). */
    private void sweep() {
        long now = context.scheduler().nanoTime();
        synchronized (fifo) { // polls only under the lock, so the head peeked is the head polled
            for (Entry e = fifo.peek(); e != null && e.deadline() - now <= 0; e = fifo.peek()) {
                fifo.poll();
                forget(e);
            }
        }
        sweepArmed.set(false);
        armSweep();
    }

    private void forget(Entry e) {
        if (entries.remove(e.key(), e)) {
            expired.accept(e);
        }
    }
}
