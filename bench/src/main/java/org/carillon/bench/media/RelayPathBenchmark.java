package org.carillon.bench.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.relay.Bridge;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpRewriter;
import org.carillon.media.sdp.Direction;
import org.carillon.media.time.ManualMediaScheduler;
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
 * The relay's per-packet work without the kernel: a packet enters leg A's receive path (parse, latch,
 * direction, payload type, statistics), crosses the {@link Bridge} (payload type mapping, µ-law→A-law in
 * place when {@code transcode}), leaves leg B's forward path (SSRC/seq/ts rewrite, retained write) and
 * is flushed. Channels are Netty embedded channels, so socket syscalls are not measured here (see
 * {@link RelayLoopbackBenchmark}). One op = one packet relayed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RelayPathBenchmark {

    static final int BATCH = 1000;

    private static final InetSocketAddress PHONE_A = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PHONE_B = new InetSocketAddress("127.0.0.1", 40002);

    @Param({"false", "true"})
    public boolean transcode;

    private EmbeddedChannel channelA;
    private EmbeddedChannel channelB;
    private MediaLeg legA;
    private MediaLeg legB;
    private ByteBuf packet;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        var clock = new ManualMediaScheduler();
        // one embedded channel for both legs: the bridge needs both on one event loop, and only B writes
        channelA = new EmbeddedChannel();
        channelB = channelA;
        legA = new MediaLeg(channelA, Optional.empty(), clock, LegSettings.defaults(),
                new RtpRewriter(1, 0, 0, 8000), () -> { });
        legB = new MediaLeg(channelB, Optional.empty(), clock, LegSettings.defaults(),
                new RtpRewriter(2, 0, 0, 8000), () -> { });
        legA.apply(audio(PHONE_A, AudioFormat.PCMU));
        legB.apply(audio(PHONE_B, transcode ? AudioFormat.PCMA : AudioFormat.PCMU));
        channelA.runPendingTasks();
        Bridge.connect(legA, legB);
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(172);
        RtpPacket.writeHeader(packet, false, 0, 0, 0, 0xABCD);
        for (int i = 0; i < 160; i++) {
            packet.writeByte(G711.ulawEncode((int) (8000 * Math.sin(i / 3.0))));
        }
    }

    private static NegotiatedAudio audio(InetSocketAddress remote, AudioFormat codec) {
        return new NegotiatedAudio(Optional.of(remote), codec, codec.staticPayloadType(), codec.staticPayloadType(),
                OptionalInt.of(101), OptionalInt.of(101), 20, Direction.SENDRECV);
    }

    /**
     * Relays {@value #BATCH} packets. Netty 4.2 recycles its write-queue entries only on threads that clean up
     * FastThreadLocals (event loops); the JMH thread is not one, so the batch runs marked as one, as the real
     * relay code runs on an event loop.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int relayPackets() {
        int[] bytes = new int[1];
        FastThreadLocalThread.runWithFastThreadLocal(() -> {
            for (int i = 0; i < BATCH; i++) {
                bytes[0] += relayOnePacket();
            }
        });
        return bytes[0];
    }

    private int relayOnePacket() {
        seq++;
        packet.setShort(2, seq);
        packet.setInt(4, seq * 160);
        packet.setByte(1, 0); // PCMU again (the bridge rewrote it in place)
        legA.receive(packet, PHONE_A);
        legA.readBatchComplete();
        DatagramPacket out = channelB.readOutbound();
        int size = out.content().readableBytes();
        out.release();
        return size;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        packet.release();
        legA.close();
        legB.close();
        channelA.finishAndReleaseAll();
    }
}
