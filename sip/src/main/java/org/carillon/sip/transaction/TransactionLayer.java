package org.carillon.sip.transaction;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.transport.Flow;

/**
 * The transaction tables and the matching rules of RFC 3261 §17.1.3 (responses to client
 * transactions) and §17.2.3 (requests to server transactions), with CANCEL (§9.2) and merged
 * requests (§8.2.2.2).
 *
 * <p>Threads: thread-safe; {@link #onRequest} and {@link #onResponse} run on event loops and do
 * not block.
 */
public final class TransactionLayer {

    /** Failures the TU should hear of. */
    public interface Events {
        /** A server transaction gave up: Timer H (no ACK) when {@code timeout}, else a send failure. */
        void serverFailed(ServerTransaction transaction, boolean timeout);

        /**
         * The TU sent the first 2xx to an INVITE: from here the UAS core, not the transaction,
         * retransmits it until the ACK (RFC 3261 §13.3.1.4, RFC 6026 §7.1).
         */
        default void inviteAccepted(ServerTransaction transaction, SipResponse response, byte[] bytes) {
        }

        /** A server transaction reached TERMINATED and was removed from the table. */
        default void serverTerminated(ServerTransaction transaction) {
        }
    }

    private final TransactionContext context;
    private final Events events;
    private final ConcurrentMap<ServerKey, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final ConcurrentMap<ClientKey, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<MergeKey, ServerKey> merges = new ConcurrentHashMap<>();
    private final CompletedTransactions completed;
    /** INVITE server transactions in RFC 6026's Accepted state, until Timer L: their merge keys. */
    private final LingeringTransactions<ServerKey, Optional<MergeKey>> acceptedServers;
    /** INVITE server transactions over UDP in §17.2.1's Confirmed state, until Timer I: their merge keys. */
    private final LingeringTransactions<ServerKey, Optional<MergeKey>> confirmedServers;
    /** INVITE client transactions in the Accepted state, until Timer M: the listener further 2xx go to. */
    private final LingeringTransactions<ClientKey, ResponseListener> acceptedClients;
    private final ServerTransactionListener serverListener = new ServerTransactionListener() {
        @Override
        public void failed(ServerTransaction transaction, boolean timeout) {
            events.serverFailed(transaction, timeout);
        }

        @Override
        public void accepted(ServerTransaction transaction, SipResponse response, byte[] bytes) {
            events.inviteAccepted(transaction, response, bytes);
        }

        @Override
        public void takeOver(ServerTransaction transaction, byte[] response) {
            // added before the transaction leaves the table, so a retransmission always finds one of them
            completed.add(transaction.key(), response, transaction.responseFlow(), transaction.mergeKey());
        }

        @Override
        public void takeOverAccepted(ServerTransaction transaction) {
            acceptedServers.add(transaction.key(), transaction.mergeKey());
        }

        @Override
        public void takeOverConfirmed(ServerTransaction transaction) {
            confirmedServers.add(transaction.key(), transaction.mergeKey());
        }

        @Override
        public void terminated(ServerTransaction transaction) {
            servers.remove(transaction.key(), transaction);
            if (!transaction.handedOff()) { // else the merge key lives on until Timer J or L of the entry kept
                transaction.mergeKey().ifPresent(m -> merges.remove(m, transaction.key()));
            }
            events.serverTerminated(transaction);
        }
    };

    public TransactionLayer(TransactionContext context, Events events) {
        this.context = context;
        this.events = events;
        this.completed = new CompletedTransactions(context, this::forgetMerge);
        Duration timerLorM = context.timers().transactionTimeout();
        this.acceptedServers = new LingeringTransactions<>(context.scheduler(), timerLorM,
                context.maxServerTransactions(), this::forgetMerge);
        this.confirmedServers = new LingeringTransactions<>(context.scheduler(), context.timers().timerIorK(false),
                context.maxServerTransactions(), this::forgetMerge);
        this.acceptedClients = new LingeringTransactions<>(context.scheduler(), timerLorM,
                context.maxServerTransactions(), (key, listener) -> { });
    }

    /** A server transaction that lingered after its final response has ended: its merge key is free again. */
    private void forgetMerge(ServerKey key, Optional<MergeKey> mergeKey) {
        mergeKey.ifPresent(m -> merges.remove(m, key));
    }

    /**
     * Matches an incoming request and creates a server transaction when it is new.
     *
     * @param source       where it came from
     * @param responseFlow where responses go (§18.2.2), computed by the stack from the top Via
     *                     each time one is sent (a closed TCP connection changes the answer)
     * @throws SipParseException if the headers needed for matching are malformed (answer 400)
     */
    public RequestDisposition onRequest(SipRequest request, Flow source, Supplier<Flow> responseFlow) {
        ServerKey key = keyOf(request);
        String method = request.method();
        if (SipMethod.ACK.equals(method)) {
            ServerTransaction invite = servers.get(key);
            if (invite == null) {
                // §17.2.1: a retransmitted ACK in Confirmed is absorbed; any other goes to the TU (a 2xx's, RFC 6026)
                return confirmedServers.get(key) != null ? RequestDisposition.Handled.INSTANCE
                        : new RequestDisposition.Ack(request);
            }
            return invite.onAck() ? new RequestDisposition.Ack(request) : RequestDisposition.Handled.INSTANCE;
        }
        ServerTransaction existing = servers.get(key);
        if (existing != null) {
            context.requestRetransmitted().run();
            existing.onRetransmit();
            return RequestDisposition.Handled.INSTANCE;
        }
        if (completed.resend(key, context.requestRetransmitted())) {
            return RequestDisposition.Handled.INSTANCE;
        }
        if (SipMethod.INVITE.equals(method)
                && (acceptedServers.get(key) != null || confirmedServers.get(key) != null)) {
            // RFC 6026 §7.1, RFC 3261 §17.2.1: a retransmitted INVITE in Accepted or Confirmed is absorbed
            context.requestRetransmitted().run();
            return RequestDisposition.Handled.INSTANCE;
        }
        if (servers.size() >= context.maxServerTransactions()) { // completed and accepted ones are bounded apart
            return RequestDisposition.Overloaded.INSTANCE;
        }
        Optional<MergeKey> mergeKey = mergeKeyOf(request);
        if (mergeKey.isPresent()) {
            ServerKey first = merges.putIfAbsent(mergeKey.get(), key);
            if (first != null && !first.equals(key)) {
                ServerTransaction merged = create(key, request, source, responseFlow, Optional.empty());
                if (merged != null) {
                    merged.respond(482); // §8.2.2.2 Loop Detected
                }
                return RequestDisposition.Handled.INSTANCE;
            }
        }
        ServerTransaction tx = create(key, request, source, responseFlow, mergeKey);
        if (tx == null) { // lost a race with a retransmission of the same request
            return RequestDisposition.Handled.INSTANCE;
        }
        if (SipMethod.CANCEL.equals(method)) {
            return cancel(tx, key);
        }
        tx.start();
        return new RequestDisposition.NewRequest(tx);
    }

    /** Like {@link #onRequest(SipRequest, Flow, Supplier)} with a fixed response flow. */
    public RequestDisposition onRequest(SipRequest request, Flow source, Flow responseFlow) {
        return onRequest(request, source, () -> responseFlow);
    }

    private RequestDisposition cancel(ServerTransaction cancelTx, ServerKey key) {
        ServerTransaction invite = servers.get(key.cancelled());
        if (invite == null) {
            // §9.2: an INVITE already answered 2xx is matched (and the CANCEL has no effect); else none is
            ServerKey cancelled = key.cancelled();
            cancelTx.respond(acceptedServers.get(cancelled) != null || confirmedServers.get(cancelled) != null
                    ? 200 : 481);
            return RequestDisposition.Handled.INSTANCE;
        }
        cancelTx.respond(200);
        if (invite.state() == TransactionState.PROCEEDING) {
            try {
                invite.respond(487); // §9.2: the UAS SHOULD answer the INVITE 487
            } catch (IllegalStateException raced) {
                return RequestDisposition.Handled.INSTANCE; // the TU answered first; CANCEL has no effect
            }
            return new RequestDisposition.Cancelled(invite);
        }
        return RequestDisposition.Handled.INSTANCE;
    }

    private ServerTransaction create(ServerKey key, SipRequest request, Flow source, Supplier<Flow> responseFlow,
            Optional<MergeKey> mergeKey) {
        ServerTransaction tx = new ServerTransaction(key, request, source, responseFlow, mergeKey, context,
                serverListener);
        ServerTransaction raced = servers.putIfAbsent(key, tx);
        if (raced != null) {
            context.requestRetransmitted().run();
            raced.onRetransmit();
            return null;
        }
        return tx;
    }

    /**
     * Matches a response to its client transaction (§17.1.3).
     *
     * @return false when none matched: the stack passes it to the TU as a stray (e.g. a 2xx
     *         retransmission after Timer M, or a forked 2xx)
     * @throws SipParseException if Via or CSeq is malformed
     */
    public boolean onResponse(SipResponse response) {
        Optional<String> branch = response.topVia().branch();
        if (branch.isEmpty()) {
            return false;
        }
        ClientKey key = new ClientKey(branch.get(), response.cseq().method());
        ClientTransaction tx = clients.get(key);
        if (tx == null) {
            ResponseListener accepted = acceptedClients.get(key);
            if (accepted == null) {
                return false;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                accepted.onResponse(response); // RFC 6026 §7.2: every 2xx goes up until Timer M, for the TU to ACK
            }
            return true;
        }
        tx.onResponse(response);
        return true;
    }

    /**
     * Starts a client transaction: the request must already carry its top Via with a fresh
     * branch ({@link Branches#generate()}).
     *
     * @throws IllegalArgumentException if the request has no branch or is an ACK (ACK to 2xx is
     *                                  sent without a transaction)
     * @throws IllegalStateException    if a transaction with that branch and method exists
     */
    public ClientTransaction send(SipRequest request, Flow target, ResponseListener listener) {
        if (SipMethod.ACK.equals(request.method())) {
            throw new IllegalArgumentException("ACK has no client transaction");
        }
        String branch = request.topVia().branch()
                .orElseThrow(() -> new IllegalArgumentException("request has no Via branch"));
        ClientKey key = new ClientKey(branch, request.cseq().method());
        ClientTransaction tx = new ClientTransaction(key, request, target, context, listener,
                t -> clients.remove(t.key(), t), t -> acceptedClients.add(t.key(), listener));
        if (clients.putIfAbsent(key, tx) != null) {
            throw new IllegalStateException("duplicate client transaction " + key);
        }
        tx.start();
        return tx;
    }

    /** The live server transaction with this key, if any. */
    public Optional<ServerTransaction> findServer(ServerKey key) {
        return Optional.ofNullable(servers.get(key));
    }

    /**
     * Number of live server transactions, counting the completed non-INVITE ones kept for Timer J and the
     * accepted and confirmed INVITE ones kept for Timer L and I.
     */
    public int serverCount() {
        return servers.size() + completed.size() + acceptedServers.size() + confirmedServers.size();
    }

    /** Number of live client transactions, counting the accepted INVITE ones kept for Timer M. */
    public int clientCount() {
        return clients.size() + acceptedClients.size();
    }

    /** The client transaction with this key while it is kept whole (not once it is only an Accepted entry). */
    Optional<ClientTransaction> findClient(ClientKey key) {
        return Optional.ofNullable(clients.get(key));
    }

    /** The §17.2.3 key of {@code request}. @throws SipParseException if Via, CSeq or Call-ID is malformed */
    public static ServerKey keyOf(SipRequest request) {
        Via via = request.topVia();
        Optional<String> branch = via.branch();
        if (branch.isPresent() && Branches.isRfc3261(branch.get())) {
            return ServerKey.of(branch.get(), via.sentBy().toString(), request.method());
        }
        return ServerKey.legacy(request.callId(), request.from().tag().orElse(""), request.cseq().number(),
                request.rawRequestUri(), via.toString(), request.method());
    }

    private static Optional<MergeKey> mergeKeyOf(SipRequest request) {
        if (request.to().tag().isPresent()) {
            return Optional.empty(); // §8.2.2.2 applies to requests outside a dialog only
        }
        return Optional.of(new MergeKey(request.from().tag().orElse(""), request.callId(), request.cseq().number(),
                request.method()));
    }
}
