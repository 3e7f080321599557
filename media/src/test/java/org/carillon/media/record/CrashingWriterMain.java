package org.carillon.media.record;

import java.io.IOException;
import java.nio.file.Path;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavWriter;

/**
 * Child process for {@link RecorderCrashIT}: records three seconds the way the recorder does (20 ms
 * chunks, a sync every second), writes half a second more without syncing, says so, and waits to be killed.
 */
public final class CrashingWriterMain {

    private CrashingWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        var writer = WavWriter.create(Path.of(args[0]), WavFormat.PCM16);
        byte[] chunk = new byte[320];
        for (int n = 0; n < 175; n++) {
            for (int i = 0; i < 160; i++) {
                short v = (short) ((n * 160 + i) % 20000);
                chunk[2 * i] = (byte) v;
                chunk[2 * i + 1] = (byte) (v >> 8);
            }
            writer.write(chunk, 0, chunk.length);
            if (n % 50 == 49) {
                writer.sync();
            }
        }
        System.out.println("writing");
        System.out.flush();
        System.in.read(); // killed here, mid-recording
    }
}
