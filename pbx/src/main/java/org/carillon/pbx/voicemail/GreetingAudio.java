package org.carillon.pbx.voicemail;

import org.carillon.media.wav.WavFormatException;
import org.carillon.media.wav.WavReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded greeting into 8 kHz mono samples. 8 kHz mono WAV (PCM16, µ-law, A-law) is read by the media
 * module's reader; other 16-bit PCM WAVs (any rate, mono or stereo, e.g. 44.1 kHz from a desktop recorder) are mixed
 * down and resampled here (box-filter average, then linear interpolation: plenty for speech on a telephone line).
 * MP3 is refused: no MP3 decoder ships with the PBX; the error says to upload WAV. Limits: {@value #MAX_BYTES}
 * bytes, {@value #MAX_SECONDS} s. Stateless.
 */
final class GreetingAudio {
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_SECONDS = 300;

    private GreetingAudio() {
    }

    /** @throws InvalidVoicemailException (field {@code file}) when the upload is not usable audio */
    static short[] convert(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidVoicemailException("file", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidVoicemailException("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (mp3(bytes)) {
            throw new InvalidVoicemailException("file", "MP3 is not supported: upload a WAV file (PCM, any sample rate)");
        }
        short[] samples;
        try {
            samples = WavReader.parse("greeting", bytes).samples();
        } catch (WavFormatException notTelephoneWav) {
            samples = anyPcm(bytes);
        }
        if (samples.length == 0) {
            throw new InvalidVoicemailException("file", "holds no audio");
        }
        if (samples.length > MAX_SECONDS * 8000) {
            throw new InvalidVoicemailException("file", "is longer than " + MAX_SECONDS + " seconds");
        }
        return samples;
    }

    private static boolean mp3(byte[] b) {
        boolean id3 = b.length >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3';
        boolean frame = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0;
        return id3 || frame;
    }

    /** A 16-bit PCM WAV at any rate and channel count, to 8 kHz mono. */
    private static short[] anyPcm(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new InvalidVoicemailException("file", "is not a WAV file");
        }
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = tag(bytes, pos);
            long size = b.getInt(pos + 4) & 0xFFFF_FFFFL;
            int body = pos + 8;
            if (id.equals("fmt ") && size >= 16) {
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                if (format == 0xFFFE && size >= 40) {
                    format = b.getShort(body + 24) & 0xFFFF;
                }
            } else if (id.equals("data")) {
                if (format != 1 || bits != 16 || channels < 1 || channels > 8 || rate < 4000 || rate > 192_000) {
                    throw new InvalidVoicemailException("file", "must be 16-bit PCM WAV (got format " + format + ", "
                            + bits + " bits, " + channels + " channels, " + rate + " Hz)");
                }
                int length = (int) Math.min(size, bytes.length - body);
                return resample(b, body, length / (2 * channels), channels, rate);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new InvalidVoicemailException("file", "is not a WAV file with audio");
    }

    private static short[] resample(ByteBuffer b, int at, int frames, int channels, int rate) {
        double[] mono = new double[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += b.getShort(at + 2 * (i * channels + c));
            }
            mono[i] = sum / channels;
        }
        double step = rate / 8000.0;
        int out = (int) (frames / step);
        short[] result = new short[out];
        int window = Math.max(1, (int) Math.round(step)); // averaging over the step keeps what is above 4 kHz out
        for (int i = 0; i < out; i++) {
            double x = i * step;
            int i0 = (int) x;
            double sum = 0;
            int n = 0;
            for (int k = i0; k < Math.min(frames, i0 + window); k++) {
                sum += mono[k];
                n++;
            }
            result[i] = (short) Math.clamp(Math.round(n == 0 ? 0 : sum / n), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return result;
    }

    private static String tag(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }
}
