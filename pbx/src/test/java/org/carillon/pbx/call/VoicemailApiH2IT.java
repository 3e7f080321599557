package org.carillon.pbx.call;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, mailbox settings through the API: defaults, a write-only PIN, validation answered 400 per field, a
 * read-only field refused, who may read what (the user and admins the settings; another agent nothing), greetings
 * uploaded as 44.1 kHz stereo WAV (converted) and MP3 refused clearly.
 */
class VoicemailApiH2IT extends CallH2Context {

    @Test
    void settingsHaveDefaultsAWriteOnlyPinAndFieldErrors() {
        Calls.Ext e = Calls.newExtension(this);
        setWebPassword(e.email());
        var own = apiAs(e.email());
        String path = "/api/v1/extensions/" + e.number() + "/voicemail";
        var got = own.get(path);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("enabled").asBoolean()).isTrue();
        assertThat(got.json().path("pinSet").asBoolean()).isFalse();
        assertThat(got.json().path("emailOption").asString()).isEqualTo("none");
        assertThat(got.json().path("maxMessageSeconds").asInt()).isEqualTo(180);
        assertThat(got.json().path("maxMessages").asInt()).isEqualTo(100);

        var bad = own.patch(path, "{\"pin\": \"12a\", \"maxMessageSeconds\": 5, \"maxMessages\": 0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pin\"").contains("maxMessageSeconds").contains("maxMessages");
        assertThat(own.patch(path, "{\"pinSet\": true}").status()).as("read-only field").isEqualTo(400);
        assertThat(own.patch(path, "{\"emailOption\": \"fax\"}").status()).isEqualTo(400);

        var ok = own.patch(path, "{\"pin\": \"0123456789\", \"emailOption\": \"notify\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("pinSet").asBoolean()).isTrue();
        assertThat(ok.body()).doesNotContain("0123456789");
        assertThat(api().get(path).json().path("emailOption").asString()).as("the Owner sees the settings")
                .isEqualTo("notify");

        Calls.Ext other = Calls.newExtension(this);
        setWebPassword(other.email());
        assertThat(apiAs(other.email()).get(path).status()).as("another agent").isEqualTo(404);
        assertThat(apiAs(other.email()).get(path + "/messages").status()).isEqualTo(404);
    }

    @Test
    void aStereoCdQualityWavGreetingIsConvertedAndMp3IsRefused() {
        Calls.Ext e = Calls.newExtension(this);
        setWebPassword(e.email());
        String path = "/api/v1/extensions/" + e.number() + "/voicemail/greetings/unavailable";
        var up = apiAs(e.email()).putBytes(path, "audio/wav", stereoWav(44_100, 1));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().path("greetings").path("unavailable").asBoolean()).isTrue();
        assertThat(up.json().path("greetings").path("busy").asBoolean()).isFalse();

        byte[] mp3 = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        var refused = apiAs(e.email()).putBytes(path, "audio/mpeg", mp3);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"file\"").contains("MP3 is not supported");

        var removed = apiAs(e.email()).delete(path);
        assertThat(removed.json().path("greetings").path("unavailable").asBoolean()).isFalse();
    }

    /** A 16-bit stereo WAV at {@code rate} Hz holding a 440 Hz tone for {@code seconds}. */
    private static byte[] stereoWav(int rate, int seconds) {
        int frames = rate * seconds;
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            data.putShort(v).putShort(v);
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.capacity());
        var out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
