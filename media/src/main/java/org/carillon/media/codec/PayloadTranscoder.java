package org.carillon.media.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Rewrites an RTP payload from one sample-per-byte codec to another in place, by a 256-entry table
 * (G.711 µ-law ⇄ A-law through the linear value). The relay uses it on the received buffer, so transcoding
 * copies nothing and allocates nothing. Immutable and thread-safe.
 */
public final class PayloadTranscoder {

    private static final PayloadTranscoder ULAW_TO_ALAW = new PayloadTranscoder(G711.ulawToAlawTable());
    private static final PayloadTranscoder ALAW_TO_ULAW = new PayloadTranscoder(G711.alawToUlawTable());

    private final byte[] table;

    private PayloadTranscoder(byte[] table) {
        this.table = table;
    }

    /** The transcoder from {@code from} to {@code to}; empty when no table exists (or none is needed). */
    public static Optional<PayloadTranscoder> between(AudioFormat from, AudioFormat to) {
        if (from.equals(AudioFormat.PCMU) && to.equals(AudioFormat.PCMA)) {
            return Optional.of(ULAW_TO_ALAW);
        }
        if (from.equals(AudioFormat.PCMA) && to.equals(AudioFormat.PCMU)) {
            return Optional.of(ALAW_TO_ULAW);
        }
        return Optional.empty();
    }

    /**
     * Rewrites {@code length} bytes of {@code buf} from absolute index {@code offset}. A heap buffer is
     * rewritten in its array; a direct one (what epoll delivers) byte by byte, because Netty's bulk copies
     * out of a pooled direct buffer duplicate a ByteBuffer per call when it runs without Unsafe (its
     * default on JDK 24+), and the relay must not allocate per packet.
     */
    public void transcode(ByteBuf buf, int offset, int length) {
        if (buf.hasArray()) {
            transcode(buf.array(), buf.arrayOffset() + offset, length);
        } else {
            for (int i = 0; i < length; i++) {
                buf.setByte(offset + i, table[buf.getByte(offset + i) & 0xFF]);
            }
        }
    }

    /** Rewrites {@code length} bytes of {@code bytes} from {@code offset}. */
    public void transcode(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            bytes[offset + i] = table[bytes[offset + i] & 0xFF];
        }
    }
}
