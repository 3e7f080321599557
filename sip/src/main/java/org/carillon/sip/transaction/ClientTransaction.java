package org.carillon.sip.transaction;

import java.util.function.Consumer;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transport.Flow;

/**
 * A request sent and its responses (RFC 3261 §17.1): retransmits the request over UDP, ACKs
 * non-2xx final responses to INVITE itself, absorbs response retransmissions and times out.
 *
 * <p>Threads: the network and timers drive it; the {@link ResponseListener} is called through
 * the executor the stack wrapped it in.
 */
public final class ClientTransaction {

    private final ClientKey key;
    private final SipRequest request;
    private final Flow target;
    private final InviteClientMachine<SipResponse> invite;
    private final NonInviteClientMachine<SipResponse> nonInvite;

    ClientTransaction(ClientKey key, SipRequest request, Flow target, TransactionContext context,
            ResponseListener listener, Consumer<ClientTransaction> onTerminated, Consumer<ClientTransaction> onAccepted) {
        this.key = key;
        // An INVITE is kept as a copy: its ACK and CANCEL are built from it later, and the caller
        // may reuse its own object (e.g. to send it again with credentials).
        this.request = SipMethod.INVITE.equals(request.method()) ? request.copy() : request;
        this.target = target;
        byte[] bytes = request.toBytes();
        boolean reliable = target.transport().reliable();
        if (SipMethod.INVITE.equals(request.method())) {
            nonInvite = null;
            invite = new InviteClientMachine<>(context.scheduler(), context.timers(), reliable,
                    new InviteClientMachine.Actions<>() {
                        @Override
                        public void transmit(boolean retransmission) {
                            context.wire().send(bytes, target, retransmission, ClientTransaction.this::onTransportError);
                        }

                        @Override
                        public void ack(SipResponse finalResponse, boolean retransmission) {
                            // §17.1.1.3: the ACK goes where the INVITE went, same branch
                            context.wire().send(ClientTransaction.this.request.createAck(finalResponse).toBytes(), target,
                                    retransmission,
                                    ClientTransaction.this::onTransportError);
                        }

                        @Override
                        public void pass(SipResponse response) {
                            listener.onResponse(response);
                        }

                        @Override
                        public void timedOut() {
                            listener.onTimeout();
                        }

                        @Override
                        public void transportFailed() {
                            listener.onTransportError();
                        }

                        @Override
                        public void terminated() {
                            onTerminated.accept(ClientTransaction.this);
                        }

                        @Override
                        public boolean handOff() {
                            onAccepted.accept(ClientTransaction.this);
                            return true;
                        }
                    });
        } else {
            invite = null;
            nonInvite = new NonInviteClientMachine<>(context.scheduler(), context.timers(), reliable,
                    new NonInviteClientMachine.Actions<>() {
                        @Override
                        public void transmit(boolean retransmission) {
                            context.wire().send(bytes, target, retransmission, ClientTransaction.this::onTransportError);
                        }

                        @Override
                        public void pass(SipResponse response) {
                            listener.onResponse(response);
                        }

                        @Override
                        public void timedOut() {
                            listener.onTimeout();
                        }

                        @Override
                        public void transportFailed() {
                            listener.onTransportError();
                        }

                        @Override
                        public void terminated() {
                            onTerminated.accept(ClientTransaction.this);
                        }
                    });
        }
    }

    void start() {
        if (invite != null) {
            invite.start();
        } else {
            nonInvite.start();
        }
    }

    void onResponse(SipResponse response) {
        if (invite != null) {
            invite.onResponse(response.statusCode(), response);
        } else {
            nonInvite.onResponse(response.statusCode(), response);
        }
    }

    private void onTransportError() {
        if (invite != null) {
            invite.onTransportError();
        } else {
            nonInvite.onTransportError();
        }
    }

    /** The key responses are matched by. */
    public ClientKey key() {
        return key;
    }

    /** The request as sent. */
    public SipRequest request() {
        return request;
    }

    /** Where the request went. */
    public Flow target() {
        return target;
    }

    /** The current state. */
    public TransactionState state() {
        return invite != null ? invite.state() : nonInvite.state();
    }

    @Override
    public String toString() {
        return "ClientTransaction[" + key + ", " + state() + "]";
    }
}
