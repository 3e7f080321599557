package org.carillon.sip.transaction;

import java.util.Optional;
import java.util.function.BiConsumer;
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
 * response bytes and where to send them, in a {@link LingeringTransactions} table (one FIFO swept
 * by one timer, bounded).
 *
 * <p>Threads: thread-safe and non-blocking (event loops look entries up; TU threads add them).
 */
final class CompletedTransactions {

    /** What absorbing a retransmission needs (§17.2.2), and the merge key to forget at Timer J. */
    private record Completed(byte[] response, Flow flow, Optional<MergeKey> mergeKey) {
    }

    private final TransactionContext context;
    private final LingeringTransactions<ServerKey, Completed> entries;

    /**
     * Beyond {@link TransactionContext#maxServerTransactions()} entries the oldest is dropped
     * early: under a flood, forgetting a response that has gone unrepeated for the longest time
     * (a retransmission then runs as a new request, which a REGISTER or OPTIONS tolerates) keeps
     * memory bounded without refusing new requests.
     *
     * @param expired told of each entry that ended, with its merge key (the layer forgets it)
     */
    CompletedTransactions(TransactionContext context, BiConsumer<ServerKey, Optional<MergeKey>> expired) {
        this.context = context;
        this.entries = new LingeringTransactions<>(context.scheduler(), context.timers().timerJ(false),
                context.maxServerTransactions(), (key, completed) -> expired.accept(key, completed.mergeKey()));
    }

    /** Holds {@code response} for retransmissions of the request {@code key} names, for Timer J. */
    void add(ServerKey key, byte[] response, Flow flow, Optional<MergeKey> mergeKey) {
        entries.add(key, new Completed(response, flow, mergeKey));
    }

    /**
     * Answers a retransmission of a completed request with its final response again.
     *
     * @param counted run before the response goes out (a peer that has the response has seen it counted)
     * @return false when no completed transaction has this key
     */
    boolean resend(ServerKey key, Runnable counted) {
        Completed e = entries.get(key);
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
}
