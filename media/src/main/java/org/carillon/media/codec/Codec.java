package org.carillon.media.codec;

/**
 * An audio codec: turns 16-bit linear PCM into RTP payload bytes and back. G.711 is stateless; codecs with
 * state between frames (G.722's ADPCM, Opus) hand out a new encoder/decoder per stream.
 *
 * <p>Implementations must be thread-safe; the encoders and decoders they return need not be.
 */
public interface Codec {

    /** The payload format as SDP names it. */
    AudioFormat format();

    /** Audio sampling rate in Hz (can differ from the RTP clock: G.722 samples at 16 kHz on an 8 kHz clock). */
    int sampleRate();

    /** Largest payload, in bytes, that {@code samples} samples can encode to. */
    int maxEncodedLength(int samples);

    /** A fresh encoder for one outgoing stream. */
    Encoder newEncoder();

    /** A fresh decoder for one incoming stream. */
    Decoder newDecoder();

    /** Linear PCM to payload bytes. Not thread-safe unless the codec says so. */
    @FunctionalInterface
    interface Encoder {
        /**
         * Encodes {@code samples} samples from {@code pcm[pcmOffset]} into {@code out[outOffset]}.
         *
         * @return bytes written
         */
        int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset);
    }

    /** Payload bytes to linear PCM. Not thread-safe unless the codec says so. */
    @FunctionalInterface
    interface Decoder {
        /**
         * Decodes {@code length} payload bytes from {@code in[inOffset]} into {@code pcm[pcmOffset]}.
         *
         * @return samples written
         */
        int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset);
    }
}
