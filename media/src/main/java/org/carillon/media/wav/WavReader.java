package org.carillon.media.wav;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carillon.media.codec.G711;

/**
 * Reads 8 kHz mono WAV files (PCM 16-bit, µ-law, A-law; also WAVE_FORMAT_EXTENSIBLE wrapping them) into
 * an {@link AudioClip}. Unknown chunks are skipped; a data chunk that claims more than the file holds (a
 * recording cut short by a crash) is read up to the end of the file.
 *
 * <p>Limit: {@value #MAX_BYTES} bytes per file (about 68 minutes of 8 kHz PCM16). Stateless; thread-safe.
 */
public final class WavReader {

    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private WavReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws WavFormatException if it is not a WAV Carillon can play
     * @throws UncheckedIOException if it cannot be read
     */
    public static AudioClip read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new WavFormatException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a WAV from a stream (e.g. a class-path resource).
     *
     * @throws WavFormatException if it is not a WAV Carillon can play
     */
    public static AudioClip read(String name, InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new WavFormatException(name + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(name, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a WAV held in memory. */
    public static AudioClip parse(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new WavFormatException(name + " is not a RIFF/WAVE file");
        }
        WavFormat format = null;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = tag(b, pos);
            long size = b.getInt(pos + 4) & 0xFFFF_FFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                format = format(name, b, body, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new WavFormatException(name + ": data before fmt");
                }
                int length = (int) Math.min(size, bytes.length - body);
                return new AudioClip(name, decode(format, bytes, body, length));
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new WavFormatException(name + " has no data chunk");
    }

    private static WavFormat format(String name, ByteBuffer b, int at, long size) {
        if (size < 16) {
            throw new WavFormatException(name + ": fmt chunk too short");
        }
        int tag = b.getShort(at) & 0xFFFF;
        int channels = b.getShort(at + 2);
        int rate = b.getInt(at + 4);
        int bits = b.getShort(at + 14);
        if (tag == 0xFFFE && size >= 40) {
            tag = b.getShort(at + 24) & 0xFFFF; // first two bytes of the SubFormat GUID
        }
        if (channels != 1 || rate != WavFormat.SAMPLE_RATE) {
            throw new WavFormatException(name + ": need 8000 Hz mono, got " + rate + " Hz, " + channels + " channels");
        }
        for (WavFormat f : WavFormat.values()) {
            if (f.tag() == tag && f.bits() == bits) {
                return f;
            }
        }
        throw new WavFormatException(name + ": unsupported encoding tag " + tag + " with " + bits + " bits");
    }

    private static short[] decode(WavFormat format, byte[] bytes, int at, int length) {
        short[] out = new short[length / format.bytesPerSample()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (format) {
                case PCM16 -> (short) ((bytes[at + 2 * i] & 0xFF) | (bytes[at + 2 * i + 1] << 8));
                case MULAW -> G711.ulawDecode(bytes[at + i]);
                case ALAW -> G711.alawDecode(bytes[at + i]);
            };
        }
        return out;
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }
}
