package org.carillon.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioSystem;
import org.carillon.media.codec.G711;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

    @TempDir
    Path dir;

    static short[] sweep(int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (20000 * Math.sin(i * i / 8000.0));
        }
        return s;
    }

    static byte[] encode(short[] s, WavFormat f) {
        byte[] out = new byte[s.length * f.bytesPerSample()];
        for (int i = 0; i < s.length; i++) {
            switch (f) {
                case PCM16 -> {
                    out[2 * i] = (byte) s[i];
                    out[2 * i + 1] = (byte) (s[i] >> 8);
                }
                case MULAW -> out[i] = G711.ulawEncode(s[i]);
                case ALAW -> out[i] = G711.alawEncode(s[i]);
            }
        }
        return out;
    }

    @Test
    void writtenFilesReadBackAndAreAcceptedByTheJdksWavReader() throws Exception {
        short[] samples = sweep(8000);
        for (WavFormat f : WavFormat.values()) {
            Path file = dir.resolve("x-" + f + ".wav");
            try (var w = WavWriter.create(file, f)) {
                byte[] bytes = encode(samples, f);
                w.write(bytes, 0, 3000 * f.bytesPerSample());
                assertThat(WavWriter.partOf(file)).exists();
                assertThat(file).doesNotExist();
                w.write(bytes, 3000 * f.bytesPerSample(), bytes.length - 3000 * f.bytesPerSample());
            }
            assertThat(file).exists();
            assertThat(WavWriter.partOf(file)).doesNotExist();
            short[] back = WavReader.read(file).samples();
            assertThat(back).hasSize(8000);
            for (int i = 0; i < back.length; i++) {
                short expected = switch (f) {
                    case PCM16 -> samples[i];
                    case MULAW -> G711.ulawDecode(G711.ulawEncode(samples[i]));
                    case ALAW -> G711.alawDecode(G711.alawEncode(samples[i]));
                };
                assertThat(back[i]).isEqualTo(expected);
            }
            try (var jdk = AudioSystem.getAudioInputStream(file.toFile())) {
                assertThat(jdk.getFrameLength()).isEqualTo(8000);
                assertThat(jdk.getFormat().getSampleRate()).isEqualTo(8000f);
            }
        }
    }

    @Test
    void aCrashAfterASyncLeavesAValidPartFileWithEverythingSynced() throws IOException {
        Path file = dir.resolve("crash.wav");
        var w = WavWriter.create(file, WavFormat.PCM16);
        byte[] second = encode(sweep(8000), WavFormat.PCM16);
        w.write(second, 0, second.length);
        w.sync();
        w.write(second, 0, second.length);
        w.sync();
        w.write(second, 0, 4000); // never synced: the "last second" a crash may lose
        // no close(): the process dies here
        var clip = WavReader.read(WavWriter.partOf(file));
        assertThat(clip.samples().length).isBetween(16000, 18000);
        assertThat(clip.samples()[8000 + 100]).isEqualTo(sweep(8000)[100]);
    }

    @Test
    void aDataChunkLongerThanTheFileIsReadToTheEnd() {
        byte[] header = WavHeader.of(WavFormat.MULAW, 1_000_000).array();
        byte[] file = new byte[header.length + 800];
        System.arraycopy(header, 0, file, 0, header.length);
        assertThat(WavReader.parse("cut", file).samples()).hasSize(800);
    }

    @Test
    void skipsUnknownChunksAndReadsExtensibleFormat() {
        var out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0}); // odd size, padded
        b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1).put(new byte[14]);
        b.put("data".getBytes()).putInt(4).putShort((short) 1234).putShort((short) -5);
        out.write(b.array(), 0, b.position());
        assertThat(WavReader.parse("ext", out.toByteArray()).samples()).containsExactly((short) 1234, (short) -5);
    }

    @Test
    void refusesWhatItCannotPlay() {
        assertThatThrownBy(() -> WavReader.parse("x", "hello world, not a wav".getBytes()))
                .isInstanceOf(WavFormatException.class);
        byte[] stereo = WavHeader.of(WavFormat.PCM16, 0).array();
        stereo[22] = 2;
        assertThatThrownBy(() -> WavReader.parse("s", stereo)).hasMessageContaining("mono");
        byte[] wideband = WavHeader.of(WavFormat.PCM16, 0).array();
        ByteBuffer.wrap(wideband).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
        assertThatThrownBy(() -> WavReader.parse("w", wideband)).hasMessageContaining("8000");
        byte[] noData = java.util.Arrays.copyOf(WavHeader.of(WavFormat.PCM16, 0).array(), 36);
        assertThatThrownBy(() -> WavReader.parse("n", noData)).hasMessageContaining("no data");
    }

    @Test
    void writesTheCanonicalHeader() throws IOException {
        Path file = dir.resolve("h.wav");
        try (var w = WavWriter.create(file, WavFormat.PCM16)) {
            w.write(new byte[320], 0, 320);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(36 + 320);
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getInt(40)).isEqualTo(320);
        assertThat(b.capacity()).isEqualTo(44 + 320);
    }
}
