package org.carillon.media.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carillon.media.wav.AudioClip;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static double rms(AudioClip clip) {
        double sum = 0;
        for (short s : clip.samples()) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / clip.samples().length);
    }

    @Test
    void everyPhraseOfThePromptListShipsAsAnAudibleClip() throws IOException {
        var lines = Files.readAllLines(Path.of("prompts", "phrases.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).hasSizeGreaterThan(30);
        for (String line : lines) {
            String id = line.split("\t")[0];
            AudioClip clip = Prompts.require(id);
            assertThat(clip.durationMillis()).as(id).isBetween(200L, 15_000L);
            assertThat(rms(clip)).as(id).isGreaterThan(500);
        }
    }

    @Test
    void speaksDigitsOneByOne() {
        assertThat(Prompts.digits("70*#")).containsExactly(Prompts.require("digit-7"), Prompts.require("digit-0"),
                Prompts.require("key-star"), Prompts.require("key-pound"));
        assertThatThrownBy(() -> Prompts.digits("1a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Prompts.find("../../etc/passwd")).isEmpty();
        assertThat(Prompts.find("no-such-prompt")).isEmpty();
    }

    @Test
    void musicOnHoldIsSixteenSecondsOfMusic() {
        AudioClip moh = Prompts.musicOnHold();
        assertThat(moh.durationMillis()).isEqualTo(16_000);
        assertThat(rms(moh)).isGreaterThan(1000);
    }
}
