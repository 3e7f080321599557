package org.carillon.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.carillon.media.wav.WavReader;
import org.carillon.media.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording process killed with SIGKILL mid-write leaves a valid WAV holding all but the last second. */
class RecorderCrashIT {

    @TempDir
    Path dir;

    @Test
    void aRecorderKilledMidWriteLeavesAValidWav() throws Exception {
        Path target = dir.resolve("killed.wav");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriterMain.class.getName(), target.toString()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("writing"));
            assertThat(line).isEqualTo("writing");
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(target).doesNotExist();
        short[] s = WavReader.read(WavWriter.partOf(target)).samples();
        assertThat(s.length).isBetween(175 * 160 - 8000, 175 * 160); // at most the last second is lost
        assertThat(s.length).isGreaterThanOrEqualTo(150 * 160); // everything synced survived
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isEqualTo((short) (i % 20000));
        }
    }
}
