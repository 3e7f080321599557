package org.carillon.media.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.carillon.media.leg.LegHandler;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.port.PortAllocator;
import org.carillon.media.port.PortPair;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.rtp.SsrcGenerator;
import org.carillon.media.time.EventExecutorScheduler;

/**
 * Owns the media threads and ports: a Netty event-loop group (native epoll when available, else NIO), the
 * RTP port range, and the opening of legs. Legs of one call are opened on one event loop so a
 * {@link Bridge} between them runs without locks; calls are spread over the loops round-robin.
 *
 * <p>With {@link Config#prebound} &gt; 0, each event loop keeps that many RTP/RTCP socket pairs bound ahead
 * ({@link PreboundPairs}), refilled in batches on the loop itself, so opening a leg takes a bound pair without
 * waiting for two binds on the loop (each such wait parks the calling thread and wakes it from the loop: at
 * hundreds of calls per second those hand-offs cost more CPU than the binds). Pre-bound pairs count as in use in
 * {@link #ports()}. When none is left (a burst), a leg is bound on the spot as without the pool.
 *
 * <p>Thread-safe. {@link #openLeg} may bind sockets and wait for it: call it from the call's thread (a
 * virtual thread), never from an event loop.
 */
public final class MediaEngine implements AutoCloseable {

    /**
     * @param bindAddress the address RTP sockets bind to (and that SDP announces unless NAT says otherwise)
     * @param portMin first port of the RTP range
     * @param portMax last port of the RTP range
     * @param eventLoops number of media threads (0: one per core)
     * @param nativeTransport use epoll when the platform has it
     * @param prebound RTP/RTCP pairs each event loop keeps bound ahead of need (0: bind each leg when opened)
     */
    public record Config(String bindAddress, int portMin, int portMax, int eventLoops, boolean nativeTransport,
                         LegSettings legs, int prebound) {

        public Config {
            if (prebound < 0) {
                throw new IllegalArgumentException("prebound must be >= 0: " + prebound);
            }
        }

        /** Binds each leg's sockets when it is opened (no pairs bound ahead). */
        public Config(String bindAddress, int portMin, int portMax, int eventLoops, boolean nativeTransport,
                      LegSettings legs) {
            this(bindAddress, portMin, portMax, eventLoops, nativeTransport, legs, 0);
        }

        /** Ports 10000-20000 on {@code bindAddress}, one loop per core, epoll, default leg settings. */
        public static Config defaults(String bindAddress) {
            return new Config(bindAddress, 10000, 20000, 0, true, LegSettings.defaults());
        }
    }

    private final Config config;
    private final EventLoopGroup group;
    private final Class<? extends DatagramChannel> channelType;
    private final PortAllocator ports;
    private final SsrcGenerator ssrcs = new SsrcGenerator();
    private final LegCensus census = new LegCensus();
    private final boolean epoll;
    /** Per event loop: its bootstrap and, with {@link Config#prebound} > 0, its pairs bound ahead. */
    private final Map<EventLoop, PreboundPairs> loops = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Starts the event loops. */
    public MediaEngine(Config config) {
        this.config = config;
        this.epoll = config.nativeTransport() && Epoll.isAvailable();
        int threads = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.channelType = epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        this.ports = new PortAllocator(config.portMin(), config.portMax());
    }

    /** Whether the native epoll transport is in use. */
    public boolean nativeTransport() {
        return epoll;
    }

    /** The port pool (for monitoring). */
    public PortAllocator ports() {
        return ports;
    }

    /** Open legs and packet counts since start (for monitoring). */
    public LegCensus.Figures census() {
        return census.take();
    }

    /**
     * Opens a leg on the next event loop.
     *
     * @throws PortRangeExhaustedException when no port pair can be bound
     */
    public MediaLeg openLeg() {
        return openLeg(group.next());
    }

    /**
     * Opens a leg on the same event loop as {@code other}, ready to be bridged with it.
     *
     * @throws PortRangeExhaustedException when no port pair can be bound
     */
    public MediaLeg openLegBeside(MediaLeg other) {
        return openLeg(other.channel().eventLoop());
    }

    private MediaLeg openLeg(EventLoop loop) {
        PreboundPairs pool = pool(loop);
        Optional<PreboundPairs.Bound> ready = pool.take();
        if (ready.isPresent()) {
            var b = ready.get();
            return attach(loop, b.pair(), b.rtp(), b.rtcp());
        }
        for (int attempt = 0; attempt < Math.min(ports.capacity(), 64); attempt++) {
            PortPair pair = ports.require();
            Channel rtp = null;
            try {
                rtp = bind(pool.bootstrap(), pair.rtp());
                Channel rtcp = bind(pool.bootstrap(), pair.rtcp());
                return attach(loop, pair, rtp, rtcp);
            } catch (RuntimeException bindFailed) {
                // the port is taken by another process: try the next pair
                if (rtp != null) {
                    rtp.close().syncUninterruptibly();
                }
                ports.release(pair);
            }
        }
        throw new PortRangeExhaustedException("no bindable RTP port pair found");
    }

    /** A leg on a bound pair: its handlers, then reading. */
    private MediaLeg attach(EventLoop loop, PortPair pair, Channel rtp, Channel rtcp) {
        var leg = new MediaLeg(rtp, Optional.of(rtcp), new EventExecutorScheduler(loop), config.legs(),
                ssrcs.newRewriter(8000), () -> ports.release(pair));
        rtp.pipeline().addLast(new LegHandler(leg, false));
        rtcp.pipeline().addLast(new LegHandler(leg, true));
        rtp.config().setAutoRead(true);
        rtcp.config().setAutoRead(true);
        census.opened(leg);
        return leg;
    }

    private PreboundPairs pool(EventLoop loop) {
        return loops.computeIfAbsent(loop, l -> new PreboundPairs(l, bootstrap(l), config.bindAddress(), ports,
                config.prebound(),
                () -> closed));
    }

    /** Bootstrap of unread datagram sockets on {@code loop} (reused for every bind: its options are built once). */
    private Bootstrap bootstrap(EventLoop loop) {
        return new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_RCVBUF, 256 * 1024)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.legs().sendQueueBytes() / 2, config.legs().sendQueueBytes()))
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter() {
                    @Override
                    public boolean isSharable() {
                        return true; // stateless placeholder on every channel of the bootstrap
                    }
                });
    }

    private Channel bind(Bootstrap bootstrap, int port) {
        var future = bootstrap.bind(new InetSocketAddress(config.bindAddress(), port)).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IllegalStateException("bind " + port + " failed", future.cause());
        }
        return future.channel();
    }

    /** Stops the event loops; open legs die with them. */
    @Override
    public void close() {
        closed = true;
        loops.values().forEach(PreboundPairs::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
