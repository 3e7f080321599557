package org.carillon.bench.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Paced RTP load through the relay, generator and relay in separate JVMs (issue 5's rtp-relay figure,
 * without the rtpengine column): starts {@link RelayServerMain} as a child process with {@code calls}
 * bridged calls, then sends one 20 ms G.711 packet per call per direction every 20 ms from two sockets
 * (A side, B side; each tick's packets are flushed together, so Netty batches them with sendmmsg). Every
 * payload carries its send time; the other side records the one-way time through the relay.
 *
 * <p>usage: RtpLoadMain calls warmup-seconds measure-seconds first-rtp-port. Prints one "LOAD ..." line.
 *
 * <p>EXPERIMENTAL: on the shared 2-vCPU machine it was written on, this generator (one send loop, one
 * receive loop, one syscall per packet: its recvmmsg attempt read too little and was removed) fell behind
 * before the relay did, so its loss and latency figures describe the generator; the relay-side figures
 * (CPU, garbage, drops, measured inside the relay JVM) stand. See bench/README-media.md.
 */
public final class RtpLoadMain {

    /** -Dcarillon.load.debug=true prints progress to stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("carillon.load.debug");
    private static final long BUCKET_NANOS = 10_000; // 10 µs histogram buckets
    private static final int BUCKETS = 100_000; // up to 1 s

    private final int calls;
    private final long[] histogram = new long[BUCKETS + 1];
    private volatile long markNanos = Long.MAX_VALUE;
    private long sent; // sender loop
    private long received; // receiver loop
    private long late;
    private int seq;
    private int[] portsA;
    private int[] portsB;
    private InetSocketAddress[] targetsA;
    private InetSocketAddress[] targetsB;
    private Channel a;
    private Channel b;
    private volatile boolean sending = true;

    private RtpLoadMain(int calls) {
        this.calls = calls;
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int measure = Integer.parseInt(args[2]);
        int firstPort = Integer.parseInt(args[3]);
        new RtpLoadMain(calls).run(warmup, measure, firstPort);
    }

    private void run(int warmup, int measure, int firstPort) throws Exception {
        boolean epoll = Epoll.isAvailable();
        // one loop for the paced sends, one for the receives (both sockets): the generator must not be the
        // bottleneck it measures
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        EventLoopGroup receivers = new MultiThreadIoEventLoopGroup(1,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            a = bind(receivers, epoll);
            b = bind(receivers, epoll);
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var relay = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), RelayServerMain.class.getName(), Integer.toString(calls),
                    Integer.toString(port(a)), Integer.toString(port(b)), Integer.toString(firstPort))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var fromRelay = new BufferedReader(new InputStreamReader(relay.getInputStream()));
            var toRelay = new PrintStream(relay.getOutputStream(), true);
            readPorts(fromRelay);
            var sender = group.next();
            var tick = sender.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
            Thread.sleep(warmup * 1000L);
            sender.submit(() -> {
                sent = 0;
                markNanos = System.nanoTime();
            }).sync();
            receivers.next().submit(() -> {
                java.util.Arrays.fill(histogram, 0);
                received = 0;
                late = 0;
            }).sync();
            toRelay.println("MARK");
            Thread.sleep(measure * 1000L);
            sending = false;
            tick.cancel(false);
            Thread.sleep(500); // let the last packets arrive
            toRelay.println("STOP");
            String result;
            do {
                result = fromRelay.readLine();
            } while (result != null && !result.startsWith("RESULT"));
            relay.waitFor(10, TimeUnit.SECONDS);
            relay.destroyForcibly();
            String relayResult = result;
            long sentTotal = sender.submit(() -> sent).get();
            receivers.next().submit(() -> report(sentTotal, relayResult)).sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            receivers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private Channel bind(EventLoopGroup group, boolean epoll) throws InterruptedException {
        var bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 8 << 20).option(ChannelOption.SO_SNDBUF, 8 << 20);
        return bootstrap
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                        received(p.content());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private static int port(Channel ch) {
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    private void readPorts(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null && !line.startsWith("READY")) {
            if (line.startsWith("PORTS")) {
                String[] pairs = line.substring(6).split(" ");
                portsA = new int[calls];
                portsB = new int[calls];
                targetsA = new InetSocketAddress[calls];
                targetsB = new InetSocketAddress[calls];
                for (int c = 0; c < calls; c++) {
                    String[] ab = pairs[c].split(",");
                    portsA[c] = Integer.parseInt(ab[0]);
                    portsB[c] = Integer.parseInt(ab[1]);
                    targetsA[c] = new InetSocketAddress("127.0.0.1", portsA[c]);
                    targetsB[c] = new InetSocketAddress("127.0.0.1", portsB[c]);
                }
            }
        }
        if (line == null || portsA == null) {
            throw new IllegalStateException("relay did not start");
        }
    }

    private void tick() {
        if (!sending) {
            return;
        }
        seq++;
        long t0 = System.nanoTime();
        if (DEBUG && seq % 50 == 0) {
            System.err.println("tick " + seq + " rawReads=" + rawReads + " received=" + received);
        }
        for (int c = 0; c < calls; c++) {
            a.write(new DatagramPacket(packet(c), targetsA[c]), a.voidPromise());
            b.write(new DatagramPacket(packet(c), targetsB[c]), b.voidPromise());
        }
        a.flush();
        b.flush();
        if (DEBUG && seq % 50 == 0) {
            System.err.println("tick took us=" + (System.nanoTime() - t0) / 1000);
        }
    }

    private long rawReads;

    private ByteBuf packet(int call) {
        ByteBuf p = a.alloc().directBuffer(172);
        p.writeByte(0x80).writeByte(0).writeShort(seq).writeInt(seq * 160).writeInt(call);
        p.writeLong(System.nanoTime()).writeInt(call).writeZero(160 - 12);
        sent++;
        return p;
    }

    private void received(ByteBuf p) {
        rawReads++;
        if (p.readableBytes() < 24) {
            return;
        }
        long sentAt = p.getLong(p.readerIndex() + 12);
        if (sentAt < markNanos) {
            return; // sent during warm-up
        }
        long nanos = System.nanoTime() - sentAt;
        if (!sending && nanos > 500_000_000L) {
            late++;
        }
        received++;
        if (DEBUG && (received % 2000) == 1) {
            System.err.println("latency_us=" + nanos / 1000 + " seqAt=" + p.getUnsignedShort(p.readerIndex() + 2)
                    + " sent=" + sent + " received=" + received);
        }
        histogram[(int) Math.min(BUCKETS, Math.max(0, nanos / BUCKET_NANOS))]++;
    }

    private double percentile(double q) {
        long target = (long) Math.ceil(received * q);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += histogram[i];
            if (seen >= target && target > 0) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return Double.NaN;
    }

    private void report(long sent, String result) {
        long lost = sent - received;
        String relay = result == null ? "relay gave no result" : result.substring(7);
        long packets = field(relay, "packets");
        long cpu = field(relay, "cpu_ns");
        long alloc = field(relay, "alloc_bytes");
        long wall = Math.max(1, field(relay, "wall_ns"));
        System.out.printf("LOAD calls=%d pps_each_way=%d sent=%d received=%d lost=%d loss=%.4f%% "
                        + "latency_ms_p50=%.2f p99=%.2f p999=%.2f relay_cpu_s_per_1000_packets=%.5f "
                        + "relay_cpu_us_per_packet=%.2f relay_cpu_cores=%.2f relay_garbage_mb_per_s=%.2f %s%n",
                calls, calls * 50, sent, received, lost, sent == 0 ? 0 : 100.0 * lost / sent, percentile(0.5),
                percentile(0.99), percentile(0.999), packets == 0 ? Double.NaN : cpu / 1e9 / packets * 1000,
                packets == 0 ? Double.NaN : cpu / 1e3 / packets, (double) cpu / wall, alloc / 1e6 / (wall / 1e9), relay);
    }

    private static long field(String line, String name) {
        for (String kv : line.split(" ")) {
            if (kv.startsWith(name + "=")) {
                return Long.parseLong(kv.substring(name.length() + 1));
            }
        }
        return 0;
    }
}
