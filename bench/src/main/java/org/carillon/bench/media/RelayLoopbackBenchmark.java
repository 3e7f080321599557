package org.carillon.bench.media;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.relay.Bridge;
import org.carillon.media.relay.MediaEngine;
import org.carillon.media.sdp.Direction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real relay on real sockets: {@code calls} bridged calls in one {@link MediaEngine} with one event loop
 * (one core; epoll), fed over loopback by a generator on the benchmark thread (non-blocking JDK sockets,
 * connected sockets, no allocation). Each op sends {@value #BURST} RTP packets round-robin across the calls' A sides and
 * collects the {@value #BURST} relayed packets at the B sides, so the score is relayed packets per second
 * with the generator sharing the machine (2 cores here). At the end it prints the event loop's own CPU time
 * per relayed packet ("relay-cpu-ns-per-packet"), the figure that says how many packets one core can relay.
 *
 * <p>{@code -prof gc} allocation figures cover the whole JVM (relay and generator); the generator itself
 * allocates nothing per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx512m"})
public class RelayLoopbackBenchmark {

    static final int BURST = 64;

    @Param({"50"})
    public int calls;

    @Param({"false", "true"})
    public boolean transcode;

    /** Whether legs connect their sockets to the latched peer (the default) or stay unconnected. */
    @Param({"true", "false"})
    public boolean connect;

    private MediaEngine engine;
    private final List<MediaLeg> legs = new ArrayList<>();
    private DatagramChannel[] phonesA;
    private DatagramChannel[] phonesB;
    private InetSocketAddress[] targets;
    private final ByteBuffer out = ByteBuffer.allocateDirect(172);
    private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
    private int next;
    private int seq;
    private long relayThreadId;
    private long cpuStart;
    private long packetsStart;
    private long lost;
    private long sent;
    private long receivedTotal;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", 47000, 47999, 1, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 1 << 20, connect)));
        phonesA = new DatagramChannel[calls];
        phonesB = new DatagramChannel[calls];
        targets = new InetSocketAddress[calls];
        for (int c = 0; c < calls; c++) {
            phonesA[c] = phone();
            phonesB[c] = phone();
            MediaLeg a = engine.openLeg();
            MediaLeg b = engine.openLegBeside(a);
            a.apply(audio((InetSocketAddress) phonesA[c].getLocalAddress(), AudioFormat.PCMU)).join();
            b.apply(audio((InetSocketAddress) phonesB[c].getLocalAddress(),
                    transcode ? AudioFormat.PCMA : AudioFormat.PCMU)).join();
            Bridge.connect(a, b);
            legs.add(a);
            legs.add(b);
            targets[c] = new InetSocketAddress("127.0.0.1", a.localPort());
            // connected phones: the generator then allocates nothing per packet, so -prof gc shows the relay
            phonesA[c].connect(targets[c]);
            phonesB[c].connect(new InetSocketAddress("127.0.0.1", b.localPort()));
        }
        relayThreadId = legs.getFirst().channel().eventLoop().submit(() -> Thread.currentThread().threadId()).get();
        for (int i = 0; i < 172; i++) {
            out.put(i, (byte) (i < 12 ? 0 : 0x55));
        }
        out.put(0, (byte) 0x80);
    }

    @Setup(Level.Iteration)
    public void mark() {
        cpuStart = cpu();
        packetsStart = relayed();
    }

    private static DatagramChannel phone() throws IOException {
        var ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        ch.bind(new InetSocketAddress("127.0.0.1", 0));
        ch.configureBlocking(false);
        return ch;
    }

    private static NegotiatedAudio audio(InetSocketAddress remote, AudioFormat codec) {
        return new NegotiatedAudio(Optional.of(remote), codec, codec.staticPayloadType(), codec.staticPayloadType(),
                OptionalInt.of(101), OptionalInt.of(101), 20, Direction.SENDRECV);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long relayBurst() throws IOException {
        int first = next;
        for (int i = 0; i < BURST; i++) {
            int c = next;
            next = (next + 1) % calls;
            seq++;
            out.clear();
            out.putShort(2, (short) seq).putInt(4, seq * 160).putInt(8, c);
            sent += phonesA[c].write(out) > 0 ? 1 : 0;
        }
        int received = 0;
        long deadline = System.nanoTime() + 50_000_000L;
        int c = first;
        int idle = 0;
        while (received < BURST && System.nanoTime() < deadline) {
            in.clear();
            if (phonesB[c].read(in) > 0) {
                received++;
                idle = 0;
            } else if (++idle >= calls) {
                Thread.onSpinWait();
                idle = 0;
            }
            c = (c + 1) % calls;
        }
        lost += BURST - received;
        receivedTotal += received;
        return received;
    }

    private long cpu() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(relayThreadId);
    }

    private long relayed() {
        long n = 0;
        for (int i = 1; i < legs.size(); i += 2) {
            n += legs.get(i).statistics().counts().packetsOut();
        }
        return n;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long packets = relayed() - packetsStart;
        long cpu = cpu() - cpuStart;
        System.out.printf("%nrelay-cpu-ns-per-packet=%d packets=%d lost-so-far=%d native=%s%n",
                packets == 0 ? -1 : cpu / packets, packets, lost, engine.nativeTransport());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long in = 0;
        long dropped = 0;
        for (MediaLeg leg : legs) {
            var counts = leg.statistics().counts();
            in += counts.packetsIn();
            dropped += counts.malformed() + counts.rejectedSource() + counts.directionDropped()
                    + counts.unknownPayload() + counts.noTarget() + counts.congested();
        }
        System.out.printf("%nrelay-totals sent=%d relay-in=%d relay-out=%d relay-dropped=%d received=%d%n",
                sent, in, relayed(), dropped, receivedTotal);
        legs.forEach(MediaLeg::close);
        engine.close();
        for (int c = 0; c < calls; c++) {
            phonesA[c].close();
            phonesB[c].close();
        }
    }
}
