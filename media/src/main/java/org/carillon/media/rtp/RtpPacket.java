package org.carillon.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * A reusable view over one RTP packet's bytes (RFC 3550 §5.1): nothing is copied, getters read the buffer
 * and setters write into it. One instance is kept per receive path and re-pointed at each packet with
 * {@link #wrap}, so handling a packet allocates nothing.
 *
 * <p>Not thread-safe; the buffer stays owned by the caller (the view never retains or releases it).
 */
public final class RtpPacket {

    /** Length of the fixed header, in bytes. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private ByteBuf buf;
    private int offset;
    private int length;
    private int payloadOffset;
    private int payloadLength;

    /** Points this view at the readable bytes of {@code buffer}; see {@link #wrap(ByteBuf, int, int)}. */
    public boolean wrap(ByteBuf buffer) {
        return wrap(buffer, buffer.readerIndex(), buffer.readableBytes());
    }

    /**
     * Points this view at {@code length} bytes of {@code buffer} from absolute index {@code offset} and checks
     * them as RFC 3550 Appendix A.1 asks: version 2, CSRC list, header extension and padding within bounds,
     * and not an RTCP packet type (RFC 5761 §4). Returns false, leaving the view unusable, when they fail:
     * a bad packet is a counted drop, never an exception.
     */
    public boolean wrap(ByteBuf buffer, int offset, int length) {
        this.buf = buffer;
        this.offset = offset;
        this.length = length;
        this.payloadLength = -1;
        if (length < FIXED_HEADER_LENGTH) {
            return false;
        }
        int b0 = buffer.getUnsignedByte(offset);
        if ((b0 >>> 6) != 2) {
            return false;
        }
        int b1 = buffer.getUnsignedByte(offset + 1);
        int pt = b1 & 0x7F;
        if (pt >= 72 && pt <= 76) {
            return false; // RTCP SR/RR/SDES/BYE/APP with the marker bit read as RTP (RFC 5761 §4)
        }
        int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (header + 4 > length) {
                return false;
            }
            header += 4 + 4 * buffer.getUnsignedShort(offset + header + 2);
        }
        if (header > length) {
            return false;
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            padding = buffer.getUnsignedByte(offset + length - 1);
            if (padding == 0 || header + padding > length) {
                return false;
            }
        }
        this.payloadOffset = offset + header;
        this.payloadLength = length - header - padding;
        return true;
    }

    /** Whether the last {@link #wrap} succeeded. */
    public boolean valid() {
        return payloadLength >= 0;
    }

    /** The buffer this view reads. */
    public ByteBuf buffer() {
        return buf;
    }

    /** Absolute index of the first byte of the packet. */
    public int offset() {
        return offset;
    }

    /** Packet length in bytes, header included. */
    public int length() {
        return length;
    }

    public boolean marker() {
        return (buf.getByte(offset + 1) & 0x80) != 0;
    }

    /** Payload type, 0..127. */
    public int payloadType() {
        return buf.getByte(offset + 1) & 0x7F;
    }

    /** Sequence number, 0..65535. */
    public int sequenceNumber() {
        return buf.getUnsignedShort(offset + 2);
    }

    /** RTP timestamp as an unsigned 32-bit value held in an int (compare with {@link RtpTimestamp}). */
    public int timestamp() {
        return buf.getInt(offset + 4);
    }

    public int ssrc() {
        return buf.getInt(offset + 8);
    }

    public int csrcCount() {
        return buf.getByte(offset) & 0x0F;
    }

    /** Absolute index of the first payload byte. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload length in bytes, padding excluded. */
    public int payloadLength() {
        return payloadLength;
    }

    public void setMarker(boolean marker) {
        int b1 = buf.getByte(offset + 1);
        buf.setByte(offset + 1, marker ? b1 | 0x80 : b1 & 0x7F);
    }

    /** @throws IllegalArgumentException if {@code pt} is outside 0..127 */
    public void setPayloadType(int pt) {
        if ((pt & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        buf.setByte(offset + 1, (buf.getByte(offset + 1) & 0x80) | pt);
    }

    public void setSequenceNumber(int seq) {
        buf.setShort(offset + 2, seq);
    }

    public void setTimestamp(int timestamp) {
        buf.setInt(offset + 4, timestamp);
    }

    public void setSsrc(int ssrc) {
        buf.setInt(offset + 8, ssrc);
    }

    /**
     * Writes a 12-byte header with no CSRC, extension or padding at the writer index of {@code out}.
     * Used by everything that originates packets (players, tones, DTMF).
     */
    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int seq, int timestamp, int ssrc) {
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(seq);
        out.writeInt(timestamp);
        out.writeInt(ssrc);
    }
}
