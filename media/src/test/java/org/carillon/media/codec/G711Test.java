package org.carillon.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void ulawEncodingMatchesTheItuReferenceForAll65536Inputs() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int expected = ItuG711Reference.ulawCompress((short) s);
            assertThat(G711.ulawEncode(s) & 0xFF).as("sample %d", s).isEqualTo(expected);
        }
    }

    @Test
    void alawEncodingMatchesTheItuReferenceForAll65536Inputs() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int expected = ItuG711Reference.alawCompress((short) s);
            assertThat(G711.alawEncode(s) & 0xFF).as("sample %d", s).isEqualTo(expected);
        }
    }

    @Test
    void everyCodeDecodesAsTheItuReferenceExpands() {
        for (int c = 0; c < 256; c++) {
            assertThat(G711.ulawDecode(c)).as("µ-law %d", c).isEqualTo(ItuG711Reference.ulawExpand(c));
            assertThat(G711.alawDecode(c)).as("A-law %d", c).isEqualTo(ItuG711Reference.alawExpand(c));
        }
        assertThat(G711.ulawDecode(0x80)).isEqualTo((short) 32124); // G.711 Table 2a end points
        assertThat(G711.alawDecode(0xAA)).isEqualTo((short) 32256);
    }

    @Test
    void decodingAgreesWithTheJdksOwnG711Converter() throws IOException {
        byte[] codes = new byte[256];
        for (int c = 0; c < 256; c++) {
            codes[c] = (byte) c;
        }
        short[] jdkUlaw = jdkDecode(codes, javax.sound.sampled.AudioFormat.Encoding.ULAW);
        short[] jdkAlaw = jdkDecode(codes, javax.sound.sampled.AudioFormat.Encoding.ALAW);
        for (int c = 0; c < 256; c++) {
            assertThat(G711.ulawDecode(c)).as("µ-law %d", c).isEqualTo(jdkUlaw[c]);
            assertThat(G711.alawDecode(c)).as("A-law %d", c).isEqualTo(jdkAlaw[c]);
        }
    }

    @Test
    void reEncodingADecodedCodeGivesTheSameCode() {
        for (int c = 0; c < 256; c++) {
            int u = G711.ulawEncode(G711.ulawDecode(c)) & 0xFF;
            assertThat(u == c || (c == 0x7F && u == 0xFF)).as("µ-law %d -> %d", c, u).isTrue(); // -0 encodes as +0
            assertThat(G711.alawEncode(G711.alawDecode(c)) & 0xFF).as("A-law %d", c).isEqualTo(c);
        }
    }

    @Test
    void transcodingGoesThroughTheLinearValue() {
        for (int c = 0; c < 256; c++) {
            assertThat(G711.ulawToAlaw(c)).isEqualTo(G711.alawEncode(G711.ulawDecode(c)));
            assertThat(G711.alawToUlaw(c)).isEqualTo(G711.ulawEncode(G711.alawDecode(c)));
            // A-law -> µ-law -> A-law loses at most one quantisation step
            int back = G711.ulawToAlaw(G711.alawToUlaw(c));
            assertThat(Math.abs(G711.alawDecode(back) - G711.alawDecode(c)))
                    .isLessThanOrEqualTo(Math.max(16, Math.abs(G711.alawDecode(c)) / 16));
        }
    }

    @Test
    void payloadTranscoderRewritesHeapAndDirectBuffersInPlace() {
        var toAlaw = PayloadTranscoder.between(AudioFormat.PCMU, AudioFormat.PCMA).orElseThrow();
        assertThat(PayloadTranscoder.between(AudioFormat.PCMU, AudioFormat.PCMU)).isEmpty();
        byte[] codes = new byte[256];
        for (int c = 0; c < 256; c++) {
            codes[c] = (byte) c;
        }
        var heap = Unpooled.wrappedBuffer(codes.clone());
        var direct = Unpooled.directBuffer(300).writeZero(10).writeBytes(codes);
        toAlaw.transcode(heap, 0, 256);
        toAlaw.transcode(direct, 10, 256);
        for (int c = 0; c < 256; c++) {
            assertThat(heap.getByte(c)).isEqualTo(G711.ulawToAlaw(c));
            assertThat(direct.getByte(10 + c)).isEqualTo(G711.ulawToAlaw(c));
        }
        direct.release();
    }

    @Test
    void codecInterfaceEncodesAndDecodesFrames() {
        short[] pcm = new short[160];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (Math.sin(i / 10.0) * 12000);
        }
        for (Codec codec : new Codec[] {G711Codec.PCMU, G711Codec.PCMA}) {
            byte[] payload = new byte[codec.maxEncodedLength(160)];
            assertThat(codec.newEncoder().encode(pcm, 0, 160, payload, 0)).isEqualTo(160);
            short[] back = new short[160];
            assertThat(codec.newDecoder().decode(payload, 0, 160, back, 0)).isEqualTo(160);
            for (int i = 0; i < 160; i++) {
                assertThat(Math.abs(back[i] - pcm[i])).isLessThanOrEqualTo(Math.abs(pcm[i]) / 16 + 16);
            }
        }
        assertThat(Codecs.find(new AudioFormat("pcma", 8000, 8))).contains(G711Codec.PCMA);
        assertThat(Codecs.find(new AudioFormat("G722", 8000, 9))).isEmpty();
    }

    private static short[] jdkDecode(byte[] codes, javax.sound.sampled.AudioFormat.Encoding encoding)
            throws IOException {
        var from = new javax.sound.sampled.AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
        var to = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, true);
        try (var in = new AudioInputStream(new ByteArrayInputStream(codes), from, codes.length);
             var pcm = AudioSystem.getAudioInputStream(to, in)) {
            byte[] bytes = pcm.readAllBytes();
            short[] out = new short[bytes.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((bytes[2 * i] << 8) | (bytes[2 * i + 1] & 0xFF));
            }
            return out;
        }
    }
}
