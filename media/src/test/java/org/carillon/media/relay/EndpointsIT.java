package org.carillon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.dtmf.DtmfSender;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.record.Recorder;
import org.carillon.media.sdp.Direction;
import org.carillon.media.wav.AudioClip;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavReader;
import org.carillon.media.wav.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Players, recorders and DTMF on real legs and loopback UDP phones. Ports 46000-46999 (see RelayIT). */
class EndpointsIT {

    @TempDir
    Path dir;

    private MediaEngine engine;
    private final UdpPhone phone = new UdpPhone();
    private MediaLeg leg;

    @BeforeEach
    void start() {
        engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", 46000, 46999, 1, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 65536, true)));
        leg = engine.openLeg();
    }

    @AfterEach
    void stop() {
        leg.close();
        engine.close();
        phone.close();
    }

    private void negotiate(AudioFormat codec) {
        leg.apply(new NegotiatedAudio(Optional.of(phone.address()), codec, codec.staticPayloadType(),
                codec.staticPayloadType(), OptionalInt.of(101), OptionalInt.of(101), 20, Direction.SENDRECV)).join();
    }

    private static short[] speechLike(int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (7000 * Math.sin(i * 0.07) + 3000 * Math.sin(i * 0.31));
        }
        return s;
    }

    @Test
    void aPlayedWavArrivesAtThePhoneBitExactAndPacedAt20Milliseconds() throws Exception {
        negotiate(AudioFormat.PCMA);
        Path wav = dir.resolve("prompt.wav");
        short[] samples = speechLike(8000); // 1 s
        try (var w = WavWriter.create(wav, WavFormat.PCM16)) {
            byte[] bytes = new byte[samples.length * 2];
            ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
            w.write(bytes, 0, bytes.length);
        }
        AudioClip clip = WavReader.read(wav);
        try (var player = PromptPlayer.on(leg)) {
            long t0 = System.nanoTime();
            var done = player.play(List.of(new ClipSource(clip, false)), false);
            for (int n = 0; n < 50; n++) {
                byte[] p = phone.receiveRtp();
                assertThat(p[1] & 0x7F).isEqualTo(8);
                for (int i = 0; i < 160; i++) {
                    assertThat(p[12 + i]).isEqualTo(G711.alawEncode(samples[n * 160 + i]));
                }
            }
            assertThat(done.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(PromptPlayer.Outcome.FINISHED);
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(900L, 1500L); // paced, not burst
        }
    }

    @Test
    void aRecordingOfThePhonesAudioIsByteExactWithWhatItSent() throws Exception {
        negotiate(AudioFormat.PCMU);
        Path file = dir.resolve("rec.wav");
        try (var io = Executors.newVirtualThreadPerTaskExecutor()) {
            var rec = Recorder.start(leg, file, WavFormat.MULAW, io, leg.scheduler(), Duration.ofMinutes(1));
            short[] samples = speechLike(160 * 25);
            byte[] sent = new byte[samples.length];
            for (int n = 0; n < 25; n++) {
                byte[] payload = new byte[160];
                for (int i = 0; i < 160; i++) {
                    payload[i] = G711.ulawEncode(samples[n * 160 + i]);
                }
                System.arraycopy(payload, 0, sent, n * 160, 160);
                phone.sendRtp(leg.localPort(), n == 0, 0, 0x51, n * 160, payload);
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (leg.statistics().counts().packetsIn() < 25 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            leg.channel().eventLoop().submit(rec::close).sync();
            assertThat(rec.finished().get(2, TimeUnit.SECONDS)).isEqualTo(file);
            byte[] raw = java.nio.file.Files.readAllBytes(file);
            assertThat(java.util.Arrays.copyOfRange(raw, WavFormat.MULAW.headerLength(), raw.length)).isEqualTo(sent);
            short[] back = WavReader.read(file).samples();
            assertThat(back).hasSize(samples.length);
            for (int i = 0; i < back.length; i++) {
                // µ-law file bytes equal the payload bytes; compared decoded because 0x7F and 0xFF both mean 0
                assertThat(back[i]).isEqualTo(G711.ulawDecode(G711.ulawEncode(samples[i])));
            }
        }
    }

    @Test
    void dtmfSentByTheLegComesBackAsTheSameDigits() throws Exception {
        negotiate(AudioFormat.PCMU);
        List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
        leg.addDtmfListener(heard::add);
        var sender = new DtmfSender(leg.scheduler(), leg, leg.channel().alloc(), 101, 0xD7, 20, 60, 40, 10);
        leg.channel().eventLoop().submit(() -> sender.send("159#")).sync();
        // the phone echoes every packet back: the leg must hear exactly the digits it sent
        for (int i = 0; i < 4 * (3 + 3); i++) {
            byte[] p = phone.receiveRtp();
            assertThat(p[1] & 0x7F).isEqualTo(101);
            phone.send(leg.localPort(), p);
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (heard.size() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(heard).extracting(DtmfEvent::digit).containsExactly('1', '5', '9', '#');
        assertThat(heard).extracting(DtmfEvent::durationMillis).containsOnly(60);
    }

    @Test
    void noRtpTimeoutFiresOnARealLegThatWentSilent() throws Exception {
        try (var quick = new MediaEngine(new MediaEngine.Config("127.0.0.1", 46000, 46999, 1, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofMillis(200), Duration.ofSeconds(5), 65536, true)))) {
            MediaLeg l = quick.openLeg();
            var fired = new java.util.concurrent.CountDownLatch(1);
            l.onNoRtp(fired::countDown);
            l.apply(new NegotiatedAudio(Optional.of(phone.address()), AudioFormat.PCMU, 0, 0, OptionalInt.empty(),
                    OptionalInt.empty(), 20, Direction.SENDRECV)).join();
            phone.sendRtp(l.localPort(), true, 0, 1, 0, new byte[160]);
            assertThat(fired.await(3, TimeUnit.SECONDS)).isTrue();
            l.close();
        }
    }

    @SuppressWarnings("unused")
    private static void release(ByteBuf b) {
        b.release();
    }
}
