package org.carillon.media.codec;

/**
 * G.711 at 8 kHz, one byte per sample; {@link #PCMU} and {@link #PCMA}. Stateless: the encoder and decoder
 * are shared and thread-safe.
 */
public final class G711Codec implements Codec {

    /** µ-law, RTP payload type 0. */
    public static final G711Codec PCMU = new G711Codec(AudioFormat.PCMU, true);
    /** A-law, RTP payload type 8. */
    public static final G711Codec PCMA = new G711Codec(AudioFormat.PCMA, false);

    private final AudioFormat format;
    private final Encoder encoder;
    private final Decoder decoder;

    private G711Codec(AudioFormat format, boolean ulaw) {
        this.format = format;
        this.encoder = ulaw ? G711Codec::encodeUlaw : G711Codec::encodeAlaw;
        this.decoder = ulaw ? G711Codec::decodeUlaw : G711Codec::decodeAlaw;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int maxEncodedLength(int samples) {
        return samples;
    }

    @Override
    public Encoder newEncoder() {
        return encoder;
    }

    @Override
    public Decoder newDecoder() {
        return decoder;
    }

    private static int encodeUlaw(short[] pcm, int off, int n, byte[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = G711.ulawEncode(pcm[off + i]);
        }
        return n;
    }

    private static int encodeAlaw(short[] pcm, int off, int n, byte[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = G711.alawEncode(pcm[off + i]);
        }
        return n;
    }

    private static int decodeUlaw(byte[] in, int off, int n, short[] pcm, int pcmOff) {
        for (int i = 0; i < n; i++) {
            pcm[pcmOff + i] = G711.ulawDecode(in[off + i]);
        }
        return n;
    }

    private static int decodeAlaw(byte[] in, int off, int n, short[] pcm, int pcmOff) {
        for (int i = 0; i < n; i++) {
            pcm[pcmOff + i] = G711.alawDecode(in[off + i]);
        }
        return n;
    }
}
