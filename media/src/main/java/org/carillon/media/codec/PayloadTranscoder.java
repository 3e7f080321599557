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

    private static final byte[] EMPTY = new byte[0];

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
     * Rewrites {@code length} bytes of {@code buf} from absolute index {@code offset}. A direct buffer (what
     * epoll delivers) with a memory address (Netty using Unsafe) is copied into {@code scratch} and back: two
     * bulk copies beat 2 × length checked single-byte accesses. Without Unsafe (Netty's default on JDK 24+)
     * a bulk copy would duplicate a ByteBuffer per call, so the bytes are rewritten one by one instead.
     *
     * @param scratch caller-owned work array of at least {@code length} bytes (one per thread)
     */
    public void transcode(ByteBuf buf, int offset, int length, byte[] scratch) {
        if (buf.hasArray()) {
            transcode(buf.array(), buf.arrayOffset() + offset, length);
        } else if (buf.hasMemoryAddress() && length <= scratch.length) {
            buf.getBytes(offset, scratch, 0, length);
            transcode(scratch, 0, length);
            buf.setBytes(offset, scratch, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                buf.setByte(offset + i, table[buf.getByte(offset + i) & 0xFF]);
            }
        }
    }

    /** Rewrites {@code length} bytes of {@code buf} from absolute index {@code offset}, without a work array. */
    public void transcode(ByteBuf buf, int offset, int length) {
        transcode(buf, offset, length, EMPTY);
    }

    /** Rewrites {@code length} bytes of {@code bytes} from {@code offset}. */
    public void transcode(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            bytes[offset + i] = table[bytes[offset + i] & 0xFF];
        }
    }
}
