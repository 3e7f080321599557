package org.carillon.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP listening point: one UDP socket and one TCP server socket on the same port, plus
 * outbound TCP connections opened on demand and reused by remote address.
 *
 * <p>Threads: {@link #send} may be called from any thread; it never blocks (a full queue drops
 * the message and fails the returned stage). The {@link InboundListener} is called on Netty
 * event loops. TLS and WebSocket are a matter of another child pipeline in
 * {@link #streamInitializer}; {@link #send} fails for them today.
 */
public final class NettyTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);
    private static final int BIND_ATTEMPTS = 20;

    private final TransportConfig config;
    private final InboundListener listener;
    private final EventLoops loops;
    private final TransportStats stats = new TransportStats();
    private final Connections connections;
    private final ConcurrentMap<Flow, ChannelFuture> connecting = new ConcurrentHashMap<>();
    private final Bootstrap clientBootstrap;
    /** One UDP socket per I/O thread on the same port (SO_REUSEPORT with epoll), else one. */
    private Channel[] udp = new Channel[0];
    private Channel tcp;

    private NettyTransport(TransportConfig config, InboundListener listener) {
        this.config = config;
        this.listener = listener;
        this.loops = EventLoops.create(config.ioThreads());
        this.connections = new Connections(config.maxConnections());
        this.clientBootstrap = new Bootstrap().group(loops.group()).channel(loops.client())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .handler(streamInitializer());
    }

    /**
     * Binds UDP and TCP on {@code config.port()} (or on one free port shared by both when it is 0).
     *
     * @throws TransportException if the sockets cannot be bound
     */
    public static NettyTransport start(TransportConfig config, InboundListener listener) {
        NettyTransport t = new NettyTransport(config, listener);
        try {
            t.bind();
            return t;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private void bind() {
        Bootstrap udpBootstrap = new Bootstrap().group(loops.group()).channel(loops.datagram())
                // Netty's default 2 KiB datagram buffer would truncate SIP messages silently.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .handler(new DatagramReader(listener, stats, config.maxMessageBytes()));
        ServerBootstrap tcpBootstrap = new ServerBootstrap().group(loops.group()).channel(loops.server())
                .option(ChannelOption.SO_BACKLOG, 1_024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .childHandler(streamInitializer());
        // With epoll, SO_REUSEPORT lets one socket per I/O thread share the port: the kernel spreads
        // peers (by address hash) over them, so UDP reading uses every core (STACK-NOTES.md).
        int sockets = loops.epoll() ? config.ioThreads() : 1;
        if (sockets > 1) {
            udpBootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        TransportException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            Channel first = udpBootstrap.bind(config.address(), config.port()).syncUninterruptibly().channel();
            int port = ((InetSocketAddress) first.localAddress()).getPort();
            Channel[] all = new Channel[sockets];
            all[0] = first;
            for (int i = 1; i < sockets; i++) {
                all[i] = udpBootstrap.bind(config.address(), port).syncUninterruptibly().channel();
            }
            ChannelFuture t = tcpBootstrap.bind(config.address(), port).awaitUninterruptibly();
            if (t.isSuccess()) {
                udp = all;
                tcp = t.channel();
                LOG.info("SIP listening on {}:{} (UDP x{} + TCP, {})", config.address().getHostAddress(), port,
                        sockets, loops.epoll() ? "epoll" : "nio");
                return;
            }
            for (Channel c : all) {
                c.close().syncUninterruptibly();
            }
            last = new TransportException("cannot bind TCP on port " + port, t.cause());
            if (config.port() != 0) {
                break; // a fixed port that is taken will stay taken
            }
        }
        throw last;
    }

    private WriteBufferWaterMark waterMark() {
        int high = config.writeHighWaterMark();
        return new WriteBufferWaterMark(high / 2, high);
    }

    private ChannelInitializer<Channel> streamInitializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline()
                        .addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .addLast(new StreamFramer(config.maxMessageBytes(), config.maxHeaderBytes()))
                        .addLast(new StreamHandler(listener, connections, stats, Transport.TCP));
            }
        };
    }

    /** The port both UDP and TCP listen on. */
    public int port() {
        return ((InetSocketAddress) udp[0].localAddress()).getPort();
    }

    /** The bound UDP address (the sent-by for Via headers this stack writes). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) udp[0].localAddress();
    }

    /** The settings this transport runs with. */
    public TransportConfig config() {
        return config;
    }

    /** True when the native epoll transport is in use. */
    public boolean isEpoll() {
        return loops.epoll();
    }

    /** Counters since start. */
    public TransportCounters counters() {
        return stats.snapshot();
    }

    /** True when a stream connection for {@code flow} is open. */
    public boolean isConnected(Flow flow) {
        return connections.find(flow).isPresent();
    }

    /** Number of open TCP connections. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Sends one message. UDP goes out of the listening socket; TCP reuses the connection to
     * {@code flow.remote()} or opens one. Never blocks.
     *
     * @return completes when the bytes are written; fails with {@link TransportException} when the
     *         message was dropped (queue over its high-water mark, connect failure, I/O error)
     */
    public CompletionStage<Void> send(Flow flow, byte[] bytes) {
        return switch (flow.transport()) {
            case UDP -> write(udp[Math.floorMod(flow.remote().hashCode(), udp.length)],
                    new DatagramPacket(Unpooled.wrappedBuffer(bytes), flow.remote()));
            case TCP -> connections.find(flow)
                    .map(ch -> write(ch, Unpooled.wrappedBuffer(bytes)))
                    .orElseGet(() -> connectAndWrite(flow, bytes));
            default -> failed(new TransportException(flow.transport() + " is not supported yet"));
        };
    }

    /**
     * Waits until the send queue towards {@code flow} holds at most half of
     * {@link TransportConfig#writeHighWaterMark()} (its low-water mark), or until {@code max} has passed. For senders
     * of bursts, such as a NOTIFY to each of a thousand watchers of one lamp: {@link #send} never blocks and drops
     * what finds the queue over its bound, and a burst handed over faster than the event loop writes it would lose
     * its tail there (each loss reported as a send failure). A burst paced by this call keeps to the lower half of
     * the queue and leaves the upper half to everything else (calls' signalling on the same socket).
     *
     * <p>Threads: blocks the calling thread (an application thread, typically virtual); never call it on an event
     * loop. A flow with no channel yet (a TCP connection still to open) has room.
     *
     * @return true when the queue is at or under its low-water mark, false when {@code max} passed first
     * @throws IllegalStateException if called on the channel's own event loop (it would wait for itself)
     */
    public boolean awaitSendRoom(Flow flow, Duration max) {
        Channel channel = switch (flow.transport()) {
            case UDP -> udp[Math.floorMod(flow.remote().hashCode(), udp.length)];
            case TCP -> connections.find(flow).orElse(null);
            default -> null;
        };
        if (channel == null || !channel.isActive() || hasRoom(channel)) {
            return true;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            throw new IllegalStateException("awaitSendRoom on the channel's event loop");
        }
        stats.sendWaits.increment();
        long deadline = System.nanoTime() + max.toNanos();
        boolean first = true;
        while (!hasRoom(channel) && channel.isActive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Writes handed over from other threads wait as tasks of the event loop, in order; a no-op task behind
            // them is done once they are written. If the queue is still above the mark then, the socket itself is
            // full: look again each millisecond rather than spin.
            Future<?> mark = first ? loop.submit(() -> { }) : loop.schedule(() -> { }, 1, TimeUnit.MILLISECONDS);
            first = false;
            if (!mark.awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left) + 1)) {
                return hasRoom(channel);
            }
        }
        return true;
    }

    /** True when the channel's queue (writes still to run included) is at or under the low-water mark. */
    private boolean hasRoom(Channel channel) {
        int high = config.writeHighWaterMark();
        return channel.bytesBeforeUnwritable() >= high - high / 2;
    }

    private CompletionStage<Void> connectAndWrite(Flow flow, byte[] bytes) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ChannelFuture connect = connecting.computeIfAbsent(flow, f -> {
            ChannelFuture cf = clientBootstrap.connect(f.remote());
            cf.addListener(done -> {
                // Register before leaving the connecting map: the promise completes before
                // channelActive runs, and a send in between must find this connection.
                if (done.isSuccess()) {
                    connections.register(f, cf.channel());
                }
                connecting.remove(f, cf);
            });
            return cf;
        });
        connect.addListener(done -> {
            if (done.isSuccess()) {
                write(connect.channel(), Unpooled.wrappedBuffer(bytes)).whenComplete((v, e) -> {
                    if (e == null) {
                        result.complete(null);
                    } else {
                        result.completeExceptionally(e);
                    }
                });
            } else {
                stats.sendDrops.increment();
                result.completeExceptionally(new TransportException("cannot connect to " + flow, done.cause()));
            }
        });
        return result;
    }

    private CompletionStage<Void> write(Channel channel, Object message) {
        if (!channel.isWritable()) {
            // Bounded queue: a peer that does not read loses messages instead of eating our heap.
            io.netty.util.ReferenceCountUtil.release(message);
            stats.sendDrops.increment();
            return failed(new TransportException("outbound queue full for " + channel.remoteAddress()));
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        channel.writeAndFlush(message).addListener(done -> {
            if (done.isSuccess()) {
                stats.sent.increment();
                result.complete(null);
            } else {
                stats.sendDrops.increment();
                result.completeExceptionally(new TransportException("write failed", done.cause()));
            }
        });
        return result;
    }

    private static CompletionStage<Void> failed(TransportException e) {
        return CompletableFuture.failedFuture(e);
    }

    /** Closes the sockets and every connection, and stops the event loops. Idempotent. */
    @Override
    public void close() {
        connections.closeAll();
        for (Channel c : udp) {
            c.close().syncUninterruptibly();
        }
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        loops.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
