package org.carillon.sip.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.carillon.sip.clock.WheelScheduler;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.transaction.Branches;
import org.carillon.sip.transaction.ClientTransaction;
import org.carillon.sip.transaction.MessageWire;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TransactionContext;
import org.carillon.sip.transaction.TransactionLayer;
import org.carillon.sip.transaction.TransactionState;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.NettyTransport;
import org.carillon.sip.transport.Transport;

/**
 * A running SIP stack: one UDP+TCP listening point, the transaction layer, and the application's
 * {@link SipHandler}. Application code runs only on executors from the {@link ExecutorSelector};
 * the stack's own threads are Netty's event loops and the timer thread.
 *
 * <p>Threads: every method is thread-safe.
 */
public final class SipStack implements AutoCloseable {

    private final StackConfig config;
    private final StackStats stats = new StackStats();
    private final TransactionLayer layer;
    private final ExecutorSelector selector;
    private final TransactionExecutors executors;
    private final ExecutorService strayExecutor = Executors.newVirtualThreadPerTaskExecutor();
    private final NettyTransport transport;
    private final String viaHost;

    private SipStack(StackConfig config, SipHandler handler, ExecutorSelector selector) {
        this.config = config;
        this.selector = selector;
        MessageWire wire = this::send;
        this.executors = new TransactionExecutors(selector);
        AcceptedInvites accepted = new AcceptedInvites(config.scheduler(), config.timers(),
                (bytes, flow) -> send(bytes, flow, true, () -> { }), tx -> failed(handler, tx, true));
        this.layer = new TransactionLayer(new TransactionContext(config.scheduler(), config.timers(), wire,
                stats.retransmissionsIn::increment, config.maxServerTransactions()), new TransactionLayer.Events() {
                    @Override
                    public void serverFailed(ServerTransaction tx, boolean timeout) {
                        failed(handler, tx, timeout);
                    }

                    @Override
                    public void inviteAccepted(ServerTransaction tx, SipResponse response, byte[] bytes) {
                        accepted.start(tx, response, bytes);
                    }

                    @Override
                    public void serverTerminated(ServerTransaction tx) {
                        executors.forget(tx);
                    }
                });
        Inbound inbound = new Inbound(config.parseMode(), config.transport().maxMessageBytes(), layer, handler,
                selector, executors, strayExecutor, stats, accepted);
        this.transport = NettyTransport.start(config.transport(), inbound);
        inbound.attach(transport);
        InetAddress bound = transport.localAddress().getAddress();
        this.viaHost = Hosts.uriForm(bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound);
    }

    /**
     * Binds the transport and starts serving.
     *
     * @throws org.carillon.sip.transport.TransportException if the port cannot be bound
     */
    public static SipStack start(StackConfig config, SipHandler handler, ExecutorSelector selector) {
        return new SipStack(config, handler, selector);
    }

    /** Like {@link #start(StackConfig, SipHandler, ExecutorSelector)} with a virtual thread per task. */
    public static SipStack start(StackConfig config, SipHandler handler) {
        return start(config, handler, ExecutorSelector.virtualThreads());
    }

    private void failed(SipHandler handler, ServerTransaction tx, boolean timeout) {
        executors.of(tx).execute(() -> handler.onServerFailure(tx, timeout));
    }

    private void send(byte[] bytes, Flow flow, boolean retransmission, Runnable onFailure) {
        if (retransmission) {
            stats.retransmissionsOut.increment();
        }
        transport.send(flow, bytes).whenComplete((ok, error) -> {
            if (error != null) {
                onFailure.run();
            }
        });
    }

    /**
     * Sends a request in a new client transaction to its next hop (§8.1.2: first Route, else the
     * Request-URI). The stack adds its top Via (with a new branch and {@code rport}; a request
     * sent again keeps one Via of ours, with a new branch) and Max-Forwards: 70 if absent; over UDP a request above MTU−200 bytes goes by TCP (§18.1.1).
     *
     * @param listener called on the executor selected for {@code request}, in order
     * @throws NoRouteException        if the next hop is not an IP address or needs TLS
     * @throws IllegalArgumentException for an ACK (use {@link #sendAck})
     */
    public ClientTransaction send(SipRequest request, ResponseListener listener) {
        return send(request, RequestRouter.nextHop(request), listener);
    }

    /** Like {@link #send(SipRequest, ResponseListener)} to an explicit next hop (an outbound proxy). */
    public ClientTransaction send(SipRequest request, Flow nextHop, ResponseListener listener) {
        if (SipMethod.ACK.equals(request.method())) {
            throw new IllegalArgumentException("ACK is sent with sendAck");
        }
        Flow target = prepare(request, nextHop);
        return layer.send(request, target, serialised(request, listener));
    }

    /**
     * Cancels a pending INVITE (RFC 3261 §9.1): the CANCEL copies the INVITE's top Via, so it
     * takes the same branch and path, in a client transaction of its own. The INVITE transaction
     * then gets its 487 (ACKed by the stack) as usual.
     *
     * @param listener hears the response to the CANCEL itself
     * @throws IllegalStateException if the INVITE has had no provisional response yet (§9.1: wait
     *                               for one) or is already answered
     */
    public ClientTransaction cancel(ClientTransaction invite, ResponseListener listener) {
        if (!SipMethod.INVITE.equals(invite.request().method())
                || invite.state() != TransactionState.PROCEEDING) {
            throw new IllegalStateException("only an INVITE in Proceeding can be cancelled: " + invite);
        }
        SipRequest cancel = invite.request().createCancel();
        return layer.send(cancel, invite.target(), serialised(cancel, listener));
    }

    /** Wraps {@code listener} so its calls run in order on the executor selected for {@code request}. */
    private ResponseListener serialised(SipRequest request, ResponseListener listener) {
        SerialExecutor executor = new SerialExecutor(selector.select(request));
        return new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                executor.execute(() -> listener.onResponse(response));
            }

            @Override
            public void onTimeout() {
                executor.execute(listener::onTimeout);
            }

            @Override
            public void onTransportError() {
                executor.execute(listener::onTransportError);
            }
        };
    }

    /** Sends the ACK for a 2xx (no transaction, §13.2.2.4) to its next hop. */
    public void sendAck(SipRequest ack) {
        sendAck(ack, RequestRouter.nextHop(ack));
    }

    /** Sends the ACK for a 2xx to an explicit next hop (an outbound proxy, or the flow the 2xx came on). */
    public void sendAck(SipRequest ack, Flow nextHop) {
        Flow target = prepare(ack, nextHop);
        send(ack.toBytes(), target, false, () -> { });
    }

    /** Adds our Via and Max-Forwards, and moves a large UDP request to TCP (§18.1.1). */
    private Flow prepare(SipRequest request, Flow nextHop) {
        Flow target = nextHop;
        Via via = newVia(target.transport());
        if (isOurs(request)) {
            request.setTopVia(via); // the same request sent again (e.g. with credentials): a new branch, not a second Via
        } else {
            request.pushVia(via);
        }
        if (!request.headers().contains(HeaderName.MAX_FORWARDS)) {
            request.setMaxForwards(70);
        }
        if (target.transport() == Transport.UDP
                && request.toBytes().length > config.transport().udpRequestLimit()) {
            target = new Flow(Transport.TCP, target.remote());
            request.setTopVia(new Via(via.protocol(), Transport.TCP.viaName(), via.host(), via.port(), via.params()));
        }
        return target;
    }

    private boolean isOurs(SipRequest request) {
        if (!request.headers().contains(HeaderName.VIA)) {
            return false;
        }
        Via top = request.topVia();
        return top.host().equalsIgnoreCase(viaHost) && top.port().orElse(-1) == port();
    }

    /** A Via for this stack: our address and port, a new branch, and {@code rport} (RFC 3581). */
    public Via newVia(Transport transport) {
        Via v = Via.of(transport.viaName(), viaHost, port(), Branches.generate());
        return v.withParams(v.params().withFlag("rport"));
    }

    /** Sends a message outside any transaction (e.g. a stateless response). */
    public void sendStateless(SipMessage message, Flow flow) {
        send(message.toBytes(), flow, false, () -> { });
    }

    /**
     * Waits until the send queue towards {@code flow} is at or under its low-water mark (half its bound), or
     * {@code max} has passed: pacing for a sender of a burst of requests, whose tail would otherwise be dropped by
     * the bounded queue (see {@link NettyTransport#awaitSendRoom}). Blocks the calling thread; call it from an
     * application thread, never from a Netty event loop.
     *
     * @return true when there is room, false when {@code max} passed first
     */
    public boolean awaitSendRoom(Flow flow, Duration max) {
        return transport.awaitSendRoom(flow, max);
    }

    /** The port UDP and TCP listen on. */
    public int port() {
        return transport.port();
    }

    /** The bound address and port. */
    public InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    /** The transaction tables (for inspection and tests). */
    public TransactionLayer transactions() {
        return layer;
    }

    /** Counters since start. */
    public StackCounters counters() {
        return stats.snapshot(transport.counters());
    }

    /** Number of open TCP connections. */
    public int connectionCount() {
        return transport.connectionCount();
    }

    /** True when the native epoll transport is in use. */
    public boolean isEpoll() {
        return transport.isEpoll();
    }

    /** Stops the transport; pending transactions are abandoned. */
    @Override
    public void close() {
        transport.close();
        strayExecutor.shutdown();
        if (config.scheduler() instanceof WheelScheduler wheel) {
            wheel.close();
        }
    }
}
