package org.carillon.media.wav;

/**
 * The sample encodings Carillon reads and writes in WAV files, all 8 kHz mono (the telephone rate; prompts
 * at other rates are converted offline by the script that makes them).
 */
public enum WavFormat {
    /** Linear PCM, 16-bit little-endian (format tag 1). */
    PCM16(1, 16),
    /** G.711 A-law (format tag 6). */
    ALAW(6, 8),
    /** G.711 µ-law (format tag 7). */
    MULAW(7, 8);

    /** The only sample rate, Hz. */
    public static final int SAMPLE_RATE = 8000;

    private final int tag;
    private final int bits;

    WavFormat(int tag, int bits) {
        this.tag = tag;
        this.bits = bits;
    }

    /** The WAVE format tag. */
    public int tag() {
        return tag;
    }

    /** Bytes per sample. */
    public int bytesPerSample() {
        return bits / 8;
    }

    /** Bits per sample. */
    public int bits() {
        return bits;
    }

    /** Header length we write: RIFF + fmt (16 bytes, or 18 with cbSize for G.711) + data chunk header. */
    public int headerLength() {
        return this == PCM16 ? 44 : 46;
    }
}
