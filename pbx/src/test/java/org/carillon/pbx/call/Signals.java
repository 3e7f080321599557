package org.carillon.pbx.call;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test signals (8 kHz mono 16-bit) and the checks the audio tests make on recordings. */
final class Signals {
    /** Two melodies the call ITs tell apart by correlation: one per direction or per phone. */
    static final double[] MELODY_A = {440, 660, 550, 880, 495, 770, 330, 990, 600, 720};
    static final double[] MELODY_B = {1000, 500, 750, 300, 1200, 400, 900, 350, 1100, 650};
    /** Length of each tone of a melody: 10 tones, 3 s of signal. */
    static final int STEP_MS = 300;
    static final int RATE = 8000;

    private Signals() {
    }

    /** A sequence of tones, each {@code stepMillis} long, at the given frequencies: easy to tell apart by ear and by correlation. */
    static short[] melody(double[] hz, int stepMillis, double amplitude) {
        int per = stepMillis * RATE / 1000;
        short[] out = new short[per * hz.length];
        double phase = 0;
        for (int n = 0; n < hz.length; n++) {
            for (int i = 0; i < per; i++) {
                out[n * per + i] = (short) Math.round(Math.sin(phase) * amplitude * 32767);
                phase += 2 * Math.PI * hz[n] / RATE;
            }
        }
        return out;
    }

    /** {@code s} played {@code times} times in a row. */
    static short[] repeated(short[] s, int times) {
        short[] out = new short[s.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(s, 0, out, i * s.length, s.length);
        }
        return out;
    }

    static short[] pad(short[] s, int silenceMillis) {
        short[] out = new short[s.length + silenceMillis * RATE / 1000];
        System.arraycopy(s, 0, out, 0, s.length);
        return out;
    }

    static short[] lead(short[] s, int silenceMillis) {
        short[] out = new short[s.length + silenceMillis * RATE / 1000];
        System.arraycopy(s, 0, out, out.length - s.length, s.length);
        return out;
    }

    static void write(Path file, short[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : samples) {
            b.putShort(v);
        }
        AudioFormat f = new AudioFormat(RATE, 16, 1, true, false);
        try (var in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** Reads a 16-bit mono WAV (baresip's sndfile dumps). */
    static short[] read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                throw new IOException("expected 16-bit mono, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            short[] out = new short[bytes.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getShort();
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /**
     * The samples a recorder has written so far to a 16-bit mono WAV it still holds open: everything after the
     * {@code data} chunk's header, whatever the sizes in the headers say (they are final only once it is closed).
     */
    static short[] readSoFar(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12; // past "RIFF", its size and "WAVE"
        while (at + 8 <= b.limit()) {
            String id = new String(b.array(), at, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(at + 4);
            if (id.equals("fmt ") && at + 24 <= b.limit()
                    && (b.getShort(at + 8 + 2) != 1 || b.getShort(at + 8 + 14) != 16)) {
                throw new IOException("expected 16-bit mono in " + file);
            }
            if (id.equals("data")) {
                short[] out = new short[(b.limit() - at - 8) / 2];
                b.position(at + 8);
                b.asShortBuffer().get(out);
                return out;
            }
            if (size < 0) {
                break; // a placeholder size: no chunk to skip over
            }
            at += 8 + size + (size & 1);
        }
        return new short[0]; // the header is not written yet
    }

    /**
     * How many samples the header of a 16-bit WAV says its {@code data} chunk holds: for a file still being written
     * (a voicemail {@code .part}), what the recorder's last sync made durable.
     */
    static long declaredSamples(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= b.limit()) {
            String id = new String(head, at, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (id.equals("data")) {
                return size / 2;
            }
            at += (int) (8 + size + (size & 1));
        }
        return 0; // the header is not written yet
    }

    /**
     * Normalised correlation of all of {@code sent} against {@code received} from sample {@code at} on (which must
     * hold it whole), on every {@code step}-th sample: where a signal starts it is close to 1 whatever the step.
     */
    static double correlationAt(short[] sent, short[] received, int at, int step) {
        double dot = 0;
        double se = 0;
        double re = 0;
        for (int i = 0; i < sent.length; i += step) {
            double a = sent[i];
            double r = received[at + i];
            dot += a * r;
            se += a * a;
            re += r * r;
        }
        return dot / Math.sqrt(se * re + 1e-9);
    }

    /**
     * Best normalised cross-correlation of {@code sent} against {@code received}, over the part both cover, and where:
     * a negative lag means the recording started that many samples into the signal (the far end's stream began a
     * moment before the near end's recorder).
     */
    record Match(double correlation, int lag) {
    }

    static Match bestMatch(short[] sent, short[] received, int maxLag) {
        double best = -1;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int from = Math.max(0, -lag); // index into sent
            int to = Math.min(sent.length, received.length - lag);
            if (to - from < sent.length * 3 / 4) {
                continue; // demand most of the signal
            }
            double dot = 0;
            double se = 0;
            double re = 0;
            for (int i = from; i < to; i += 2) { // every other sample: 4 kHz is plenty for tones below 1.5 kHz
                double a = sent[i];
                double r = received[i + lag];
                dot += a * r;
                se += a * a;
                re += r * r;
            }
            double c = dot / Math.sqrt(se * re + 1e-9);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        return new Match(best, bestLag);
    }

    /** Samples from the first audible one (above 1 % of full scale) to the end; 0 when none is. */
    static int sinceFirstAudible(short[] s) {
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) > 327) {
                return s.length - i;
            }
        }
        return 0;
    }

    /** Length in samples of the audible run starting at {@code from}: up to the first 200 ms below 1 % of full scale. */
    static int audibleLength(short[] s, int from) {
        int quiet = 0;
        for (int i = from; i < s.length; i++) {
            if (Math.abs(s[i]) > 327) {
                quiet = 0;
            } else if (++quiet == RATE / 5) {
                return i - quiet + 1 - from;
            }
        }
        return s.length - from - quiet;
    }
}
