package org.carillon.media.dtmf;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the 4-byte RFC 4733 §2.3 telephone-event payload in place:
 * event (8 bits), E (end), R, volume (6 bits, -dBm0), duration (16 bits, RTP timestamp units).
 */
public final class TelephoneEvent {

    /** Payload length in bytes. */
    public static final int LENGTH = 4;

    private TelephoneEvent() {
    }

    public static int event(ByteBuf buf, int payloadOffset) {
        return buf.getUnsignedByte(payloadOffset);
    }

    public static boolean end(ByteBuf buf, int payloadOffset) {
        return (buf.getByte(payloadOffset + 1) & 0x80) != 0;
    }

    /** Power level as a positive number of dB below 0 dBm0, 0..63. */
    public static int volume(ByteBuf buf, int payloadOffset) {
        return buf.getByte(payloadOffset + 1) & 0x3F;
    }

    /** Duration so far, in RTP timestamp units. */
    public static int duration(ByteBuf buf, int payloadOffset) {
        return buf.getUnsignedShort(payloadOffset + 2);
    }

    /** Appends a payload at the writer index of {@code out}. */
    public static void write(ByteBuf out, int event, boolean end, int volume, int duration) {
        out.writeByte(event);
        out.writeByte((end ? 0x80 : 0) | (volume & 0x3F));
        out.writeShort(Math.min(duration, 0xFFFF));
    }
}
