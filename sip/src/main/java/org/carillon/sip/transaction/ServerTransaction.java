package org.carillon.sip.transaction;

import java.util.Optional;
import java.util.function.Supplier;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transport.Flow;

/**
 * A request received and the TU's way to answer it (RFC 3261 §17.2). The transaction absorbs
 * retransmissions of the request and retransmits its responses as its state machine says.
 *
 * <p>Threads: {@link #respond} may be called from any thread; calls are serialised.
 */
public final class ServerTransaction {

    private final ServerKey key;
    private final SipRequest request;
    private final Flow source;
    private final Supplier<Flow> responseFlow;
    private final InviteServerMachine<byte[]> invite;
    private final NonInviteServerMachine<byte[]> nonInvite;
    private final Optional<MergeKey> mergeKey;
    private final ServerTransactionListener listener;
    private volatile boolean handedOff;

    ServerTransaction(ServerKey key, SipRequest request, Flow source, Supplier<Flow> responseFlow,
            Optional<MergeKey> mergeKey,
            TransactionContext context, ServerTransactionListener listener) {
        this.key = key;
        this.request = request;
        this.source = source;
        this.responseFlow = responseFlow;
        this.mergeKey = mergeKey;
        this.listener = listener;
        boolean reliable = source.transport().reliable();
        ServerActions<byte[]> actions = new ServerActions<>() {
            @Override
            public void send(byte[] response, boolean retransmission) {
                context.wire().send(response, responseFlow.get(), retransmission, () -> onTransportError());
            }

            @Override
            public void sendTrying() {
                send(request.createResponse(100).toBytes(), false);
            }

            @Override
            public void absorbed() {
                // counted by the layer when it matched the retransmission
            }

            @Override
            public void timedOut() {
                listener.failed(ServerTransaction.this, true);
            }

            @Override
            public void transportFailed() {
                listener.failed(ServerTransaction.this, false);
            }

            @Override
            public boolean handOff(byte[] response) {
                if (invite != null) {
                    listener.takeOverAccepted(ServerTransaction.this);
                } else {
                    listener.takeOver(ServerTransaction.this, response);
                }
                handedOff = true;
                return true;
            }

            @Override
            public boolean handOffConfirmed() {
                listener.takeOverConfirmed(ServerTransaction.this);
                handedOff = true;
                return true;
            }

            @Override
            public void terminated() {
                listener.terminated(ServerTransaction.this);
            }
        };
        if (SipMethod.INVITE.equals(request.method())) {
            invite = new InviteServerMachine<>(context.scheduler(), context.timers(), reliable, actions);
            nonInvite = null;
        } else {
            invite = null;
            nonInvite = new NonInviteServerMachine<>(context.scheduler(), context.timers(), reliable, actions);
        }
    }

    void start() {
        if (invite != null) {
            invite.start();
        } else {
            nonInvite.start();
        }
    }

    /** The key this transaction is matched by. */
    public ServerKey key() {
        return key;
    }

    /** The request as received (with received/rport added to its top Via). */
    public SipRequest request() {
        return request;
    }

    /** Where the request came from. */
    public Flow source() {
        return source;
    }

    /**
     * Where responses go now (RFC 3261 §18.2.2): for a stream, the request's connection while it
     * is open, else a new one to the address in {@code received} and the sent-by port.
     */
    public Flow responseFlow() {
        return responseFlow.get();
    }

    /** The current state. */
    public TransactionState state() {
        return invite != null ? invite.state() : nonInvite.state();
    }

    Optional<MergeKey> mergeKey() {
        return mergeKey;
    }

    /**
     * Whether the layer absorbs this transaction's retransmissions now (it ended at its final response, or for an
     * INVITE at its first 2xx or at the ACK to its failure).
     */
    boolean handedOff() {
        return handedOff;
    }

    /**
     * Sends {@code response}; a final one ends the TU's part (a 2xx to INVITE may be sent again,
     * as §13.3.1.4 has the UAS core retransmit it until the ACK).
     *
     * @throws IllegalStateException if a final response was already sent
     */
    public void respond(SipResponse response) {
        byte[] bytes = response.toBytes();
        if (invite != null) {
            // the 2xx retransmission starts before the 2xx leaves: an ACK overtaking the rest of this method
            // found nothing to stop, and the 2xx went out again after T1 (bench/calls: ~10 % of calls)
            invite.respond(response.statusCode(), bytes, () -> listener.accepted(this, response, bytes));
        } else {
            nonInvite.respond(response.statusCode(), bytes);
        }
    }

    /** Answers with the default reason phrase and a To tag when it is a final response. */
    public void respond(int statusCode) {
        respond(request.createResponse(statusCode,
                statusCode >= 200 ? Optional.of(Tags.generate()) : Optional.<String>empty()));
    }

    void onRetransmit() {
        if (invite != null) {
            invite.onRequestRetransmit();
        } else {
            nonInvite.onRequestRetransmit();
        }
    }

    /** @return true if the ACK should reach the TU (RFC 6026 Accepted state) */
    boolean onAck() {
        return invite != null && invite.onAck();
    }

    private void onTransportError() {
        if (invite != null) {
            invite.onTransportError();
        } else {
            nonInvite.onTransportError();
        }
    }

    @Override
    public String toString() {
        return "ServerTransaction[" + key + ", " + state() + "]";
    }
}
