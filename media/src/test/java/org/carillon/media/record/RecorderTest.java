package org.carillon.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpRewriter;
import org.carillon.media.sdp.Direction;
import org.carillon.media.time.ManualMediaScheduler;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavReader;
import org.carillon.media.wav.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.1", 4000);

    @TempDir
    Path dir;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private MediaLeg leg;

    @BeforeEach
    void open() {
        leg = new MediaLeg(channel, Optional.empty(), clock, LegSettings.defaults(), new RtpRewriter(1, 1, 1, 8000),
                () -> { });
        leg.apply(new NegotiatedAudio(Optional.of(PHONE), AudioFormat.PCMU, 0, 0, OptionalInt.of(101),
                OptionalInt.of(101), 20, Direction.SENDRECV));
        channel.runPendingTasks();
    }

    @AfterEach
    void close() {
        leg.close();
        channel.finishAndReleaseAll();
    }

    private static byte code(int n, int i) {
        return G711.ulawEncode((int) (9000 * Math.sin((n * 160 + i) / 5.0)));
    }

    private void packet(int n) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, n == 0, 0, n, n * 160, 0x77);
        for (int i = 0; i < 160; i++) {
            b.writeByte(code(n, i));
        }
        leg.receive(b, PHONE);
        clock.advance(Duration.ofMillis(20));
    }

    @Test
    void recordsTheIncomingAudioByteExactWhenTheCodecMatchesAndFillsLostPacketsWithSilence() {
        Path file = dir.resolve("vm.wav");
        var rec = Recorder.start(leg, file, WavFormat.MULAW, Runnable::run, clock, Duration.ofMinutes(3));
        for (int n = 0; n < 100; n++) {
            if (n != 40 && n != 41) {
                packet(n);
            }
        }
        rec.close();
        assertThat(rec.finished()).isCompletedWithValue(file);
        short[] s = WavReader.read(file).samples();
        assertThat(s).hasSize(100 * 160);
        assertThat(G711.ulawEncode(s[10 * 160 + 5])).isEqualTo(code(10, 5));
        assertThat(s[40 * 160 + 80]).isZero();
        assertThat(G711.ulawEncode(s[42 * 160])).isEqualTo(code(42, 0));
    }

    @Test
    void stopsByItselfAtTheMaximumDuration() {
        Path file = dir.resolve("short.wav");
        var rec = Recorder.start(leg, file, WavFormat.PCM16, Runnable::run, clock, Duration.ofMillis(1000));
        for (int n = 0; n < 100; n++) {
            packet(n);
        }
        assertThat(rec.finished()).isCompletedWithValue(file);
        assertThat(WavReader.read(file).samples()).hasSize(8000);
    }

    @Test
    void aStalledDiskDropsAndCountsChunksButStillFinalisesTheFile() {
        Path file = dir.resolve("stalled.wav");
        var pending = new java.util.ArrayList<Runnable>();
        var rec = Recorder.start(leg, file, WavFormat.MULAW, pending::add, clock, Duration.ofMinutes(3));
        for (int n = 0; n < Recorder.QUEUE_CHUNKS + 100; n++) { // the I/O thread never gets to run
            packet(n);
        }
        rec.close();
        assertThat(rec.dropped()).isGreaterThanOrEqualTo(100);
        pending.forEach(Runnable::run); // the disk comes back
        assertThat(rec.finished()).isCompletedWithValue(file);
        // what was queued before the queue filled (minus slots the once-a-second syncs took) is all there
        assertThat(WavReader.read(file).samples().length).isBetween((Recorder.QUEUE_CHUNKS - 20) * 160,
                Recorder.QUEUE_CHUNKS * 160);
    }

    @Test
    void aCrashMidRecordingLosesAtMostTheLastSecond() {
        Path file = dir.resolve("crash.wav");
        Recorder.start(leg, file, WavFormat.PCM16, Runnable::run, clock, Duration.ofMinutes(3));
        for (int n = 0; n < 175; n++) { // 3.5 s; syncs ran at 1, 2 and 3 s
            packet(n);
        }
        // the process dies here: nobody calls close()
        short[] s = WavReader.read(WavWriter.partOf(file)).samples();
        assertThat(s.length).isBetween(175 * 160 - 8000, 175 * 160);
        assertThat(G711.ulawEncode(s[100])).isEqualTo(code(0, 100));
    }
}
