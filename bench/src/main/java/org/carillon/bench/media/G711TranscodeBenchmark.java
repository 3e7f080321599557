package org.carillon.bench.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.Codec;
import org.carillon.media.codec.G711Codec;
import org.carillon.media.codec.PayloadTranscoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * G.711 throughput per 20 ms frame (160 samples): in-place µ-law→A-law payload transcoding as the relay
 * does it (on a direct buffer, as epoll delivers, and on a heap buffer), and linear encode/decode as the
 * players and recorders do it. One op = one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class G711TranscodeBenchmark {

    private final PayloadTranscoder toAlaw = PayloadTranscoder.between(AudioFormat.PCMU, AudioFormat.PCMA).orElseThrow();
    private final Codec.Encoder encoder = G711Codec.PCMU.newEncoder();
    private final Codec.Decoder decoder = G711Codec.PCMU.newDecoder();
    private final short[] pcm = new short[160];
    private final byte[] frame = new byte[160];
    private ByteBuf direct;
    private ByteBuf heap;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < 160; i++) {
            pcm[i] = (short) (9000 * Math.sin(i / 4.0));
        }
        encoder.encode(pcm, 0, 160, frame, 0);
        direct = PooledByteBufAllocator.DEFAULT.directBuffer(172).writeZero(12).writeBytes(frame);
        heap = PooledByteBufAllocator.DEFAULT.heapBuffer(172).writeZero(12).writeBytes(frame);
    }

    @Benchmark
    public ByteBuf transcodeDirectBuffer() {
        toAlaw.transcode(direct, 12, 160);
        return direct;
    }

    @Benchmark
    public ByteBuf transcodeHeapBuffer() {
        toAlaw.transcode(heap, 12, 160);
        return heap;
    }

    @Benchmark
    public byte[] encodeFrame() {
        encoder.encode(pcm, 0, 160, frame, 0);
        return frame;
    }

    @Benchmark
    public short[] decodeFrame() {
        decoder.decode(frame, 0, 160, pcm, 0);
        return pcm;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        direct.release();
        heap.release();
    }
}
