package org.carillon.media.interop;

import java.nio.file.Path;
import org.carillon.media.codec.G711;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavWriter;

/** Test audio made at test time (no files in the repository) and the comparisons the interop test needs. */
final class Signals {

    private Signals() {
    }

    /**
     * A linear sweep from {@code fromHz} to {@code toHz} plus a fixed 697 Hz tone, at 8 kHz: rich enough that a
     * shifted or garbled copy does not correlate, quiet enough (-6 dBFS peak) not to clip in G.711.
     */
    static short[] sweep(int samples, double fromHz, double toHz) {
        short[] out = new short[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double hz = fromHz + (toHz - fromHz) * i / samples;
            phase += 2 * Math.PI * hz / 8000;
            out[i] = (short) (9000 * Math.sin(phase) + 5000 * Math.sin(2 * Math.PI * 697 * i / 8000.0));
        }
        return out;
    }

    static byte[] ulaw(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = G711.ulawEncode(samples[i]);
        }
        return out;
    }

    static short[] decodeAlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = G711.alawDecode(codes[i]);
        }
        return out;
    }

    static short[] decodeUlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = G711.ulawDecode(codes[i]);
        }
        return out;
    }

    /** Writes µ-law codes as an 8 kHz mono µ-law WAV (what SIPp's rtp_stream streams after its header). */
    static void writeUlawWav(Path file, byte[] codes) {
        try (var w = WavWriter.create(file, WavFormat.MULAW)) {
            w.write(codes, 0, codes.length);
        }
    }

    /**
     * Normalised cross-correlation at lag 0 over the common length: 1 for identical signals, ~0 for unrelated
     * ones. The recording starts with the first packet, so no search over lags is needed.
     */
    static double correlation(short[] a, short[] b) {
        int n = Math.min(a.length, b.length);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    /** {@code bytes} repeated from its start until {@code length} bytes (how SIPp fills a packet at a file's end). */
    static byte[] cyclic(byte[] bytes, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = bytes[i % bytes.length];
        }
        return out;
    }
}
