package org.carillon.pbx.voicemail;

import org.carillon.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreetingAudioTest {

    @Test
    void aCdQualityStereoWavBecomesEightKilohertzMonoWithTheToneKept() {
        short[] out = GreetingAudio.convert(wav(44_100, 2, 2, 1000));
        assertThat(out.length).isBetween(15_990, 16_000); // 2 s at 8 kHz
        int crossings = 0;
        for (int i = 1; i < out.length; i++) {
            if ((out[i - 1] < 0) != (out[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).as("a 1 kHz tone crosses zero 2000 times a second").isBetween(3900, 4100);
    }

    @Test
    void anEightKilohertzMonoWavIsTakenAsItIs() {
        assertThat(GreetingAudio.convert(wav(8000, 1, 1, 440))).hasSize(8000);
    }

    @Test
    void mp3AndGarbageAreRefusedNamingTheFileField() {
        byte[] id3 = "ID3\u0004\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> GreetingAudio.convert(id3)).isInstanceOf(InvalidVoicemailException.class)
                .hasMessageContaining("file").hasMessageContaining("MP3 is not supported");
        byte[] frame = {(byte) 0xFF, (byte) 0xFB, 0x10, 0x00};
        assertThatThrownBy(() -> GreetingAudio.convert(frame)).hasMessageContaining("MP3");
        assertThatThrownBy(() -> GreetingAudio.convert("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidVoicemailException.class).hasMessageContaining("not a WAV");
        assertThatThrownBy(() -> GreetingAudio.convert(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void pinsAndLimitsAreValidatedPerField() {
        var changes = new MailboxChanges(java.util.Optional.empty(), java.util.Optional.of("123"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(9), java.util.Optional.of(1001));
        assertThat(changes.problems()).extracting(ApiProblem.FieldError::field)
                .containsExactly("pin", "maxMessageSeconds", "maxMessages");
        assertThat(MailboxChanges.validPin("0000")).isTrue();
        assertThat(MailboxChanges.validPin("12345678901")).isFalse();
    }

    private static byte[] wav(int rate, int channels, int seconds, double hz) {
        int frames = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 2 * channels)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * 2 * channels)
                .putShort((short) (2 * channels)).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(frames * 2 * channels);
        for (int i = 0; i < frames; i++) {
            short v = (short) (10_000 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(v);
            }
        }
        return b.array();
    }
}
