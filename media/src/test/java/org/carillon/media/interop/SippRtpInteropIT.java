package org.carillon.media.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.AudioAnswerer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.record.Recorder;
import org.carillon.media.relay.MediaEngine;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SdpParser;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop (issue 5): SIPp sends RTP — streamed from a WAV ({@code rtp_stream}) or replayed from a capture
 * ({@code play_pcap_audio}) — to a Carillon {@link MediaLeg} that a tiny SIP responder ({@link SipResponder})
 * announced in its 200 OK; the leg's {@link Recorder} writes a WAV, which must match what was sent: length
 * within 5 %, normalised cross-correlation at least 0.9, and byte for byte where nothing was transcoded.
 *
 * <p>Needs {@code sipp} (sip-tester): the test fails, not skips, without it. Loopback only; the leg's RTP
 * ports are 45000-45099, SIPp's are OS-chosen (ephemeral, outside 10000-20000). About 10 s of audio in all;
 * SIPp hangs up 1.5 s after its media should have ended, a margin for a loaded machine (~17 s for both tests).
 */
class SippRtpInteropIT {

    private static final Path SAMPLE_PCAP = Path.of("/usr/share/sip-tester/g711a.pcap");

    @TempDir
    Path dir;

    private MediaEngine engine;
    private MediaLeg leg;
    private ExecutorService io;

    @BeforeEach
    void start() {
        Sipp.binary(); // fail first, and clearly, when SIPp is missing
        engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", 45000, 45099, 1, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 65536,
                        true)));
        leg = engine.openLeg();
        io = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stop() {
        leg.close();
        engine.close();
        io.close();
    }

    @Test
    void aToneSweepStreamedBySippFromAMulawWavIsRecordedByteExact() throws Exception {
        byte[] audio = Signals.ulaw(Signals.sweep(8000 * 3, 300, 3400)); // 3 s
        Path wav = dir.resolve("sweep.wav");
        Signals.writeUlawWav(wav, audio);
        // SIPp 3.6.1 streams the file as it is, RIFF header included (46 bytes of noise first), and fills the
        // last 160-byte packet by wrapping round to the file's start: that is what was sent
        byte[] file = Files.readAllBytes(wav);
        int header = file.length - audio.length;
        byte[] sent = Signals.cyclic(file, (file.length + 159) / 160 * 160);
        String scenario = Sipp.scenario("[rtpstream_audio_port]", 0, "PCMU", "rtp_stream=\"sweep.wav,1,0\"", 4500);

        Recording got = call(scenario, WavFormat.MULAW);

        assertThat(got.codes()).as("µ-law in, µ-law file: nothing transcoded").isEqualTo(sent);
        assertThat(got.codes().length).as("recorded length").isBetween(audio.length * 95 / 100, audio.length * 105 / 100);
        short[] recordedAudio = Arrays.copyOfRange(got.linear(), header, header + audio.length);
        assertThat(Signals.correlation(Signals.decodeUlaw(audio), recordedAudio)).isGreaterThanOrEqualTo(0.9);
        assertThat(recordedAudio).isEqualTo(Signals.decodeUlaw(audio));
    }

    @Test
    void theAlawCaptureSippReplaysIsRecordedByteExactAndAsLinearPcm() throws Exception {
        Files.createSymbolicLink(dir.resolve("pcap"), SAMPLE_PCAP.getParent()); // SIPp resolves pcap/... from its cwd
        byte[] sent = PcapRtp.payloads(SAMPLE_PCAP, 8); // 236 packets of 240 bytes at 30 ms: 7.08 s
        assertThat(sent).hasSize(236 * 240);
        String scenario = Sipp.scenario("[auto_media_port]", 8, "PCMA", "play_pcap_audio=\"pcap/g711a.pcap\"", 8600);
        Path linear = dir.resolve("linear.wav");

        Recording got = call(scenario, WavFormat.ALAW, linear);

        assertThat(got.codes()).as("A-law in, A-law file: nothing transcoded").isEqualTo(sent);
        short[] pcm = WavReader.read(linear).samples(); // the same audio through the recorder's decoder
        assertThat(pcm.length).as("recorded length").isBetween(sent.length * 95 / 100, sent.length * 105 / 100);
        assertThat(Signals.correlation(Signals.decodeAlaw(sent), pcm)).isGreaterThanOrEqualTo(0.9);
        assertThat(pcm).isEqualTo(Signals.decodeAlaw(sent));
    }

    /** The G.711 codes of the main recording, and its decoded samples. */
    private record Recording(byte[] codes, short[] linear) {
    }

    /**
     * One SIPp call: the responder answers the offer with the leg's address, the leg applies the agreement
     * and starts recording in {@code format} (and as linear PCM into {@code alsoLinear}, if given); after the
     * BYE the recordings are closed and the main one is returned.
     */
    private Recording call(String scenario, WavFormat format, Path... alsoLinear) throws Exception {
        Path file = dir.resolve("recording.wav");
        var session = new SdpSession("carillon", "127.0.0.1");
        Recorder[] recorders = new Recorder[1 + alsoLinear.length];
        try (var uas = new SipResponder(offer -> {
            var answer = AudioAnswerer.answer(SdpParser.parse(offer), LocalAudio.defaults("127.0.0.1", leg.localPort()),
                    session, Direction.SENDRECV);
            leg.apply(answer.audio()).join();
            // recording starts before the 200 OK leaves, so the first packet is in the file
            recorders[0] = Recorder.start(leg, file, format, io, leg.scheduler(), Duration.ofMinutes(1));
            for (int i = 0; i < alsoLinear.length; i++) {
                recorders[i + 1] = Recorder.start(leg, alsoLinear[i], WavFormat.PCM16, io, leg.scheduler(),
                        Duration.ofMinutes(1));
            }
            return answer.sdp().toString();
        })) {
            Sipp.Result result = Sipp.run(dir, scenario, uas.port());
            assertThat(result.exitCode()).as("sipp exit code; SIP seen: %s; output:%n%s", uas.log(), result.output())
                    .isZero();
            uas.bye().get(5, TimeUnit.SECONDS);
        }
        var counts = leg.statistics().counts();
        assertThat(counts.malformed() + counts.rejectedSource() + counts.unknownPayload()).as("dropped: %s", counts)
                .isZero();
        leg.channel().eventLoop().submit(() -> Arrays.stream(recorders).forEach(Recorder::close)).sync();
        for (Recorder r : recorders) {
            r.finished().get(5, TimeUnit.SECONDS);
            assertThat(r.dropped()).isZero();
        }
        byte[] raw = Files.readAllBytes(file);
        return new Recording(Arrays.copyOfRange(raw, format.headerLength(), raw.length), WavReader.read(file).samples());
    }
}
