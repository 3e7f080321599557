package org.carillon.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes compound RTCP packets: an SR (if we sent media since the last report) or an RR, followed by the
 * SDES CNAME every compound packet must carry (RFC 3550 §6.1).
 */
public final class RtcpWriter {

    private RtcpWriter() {
    }

    /**
     * Appends a sender report.
     *
     * @throws IllegalArgumentException with more than 31 report blocks
     */
    public static void writeSenderReport(ByteBuf out, int ssrc, long ntpTimestamp, int rtpTimestamp,
                                         long packetCount, long octetCount, List<ReportBlock> blocks) {
        checkCount(blocks);
        out.writeByte(0x80 | blocks.size());
        out.writeByte(200);
        out.writeShort((28 + blocks.size() * ReportBlock.LENGTH) / 4 - 1);
        out.writeInt(ssrc);
        out.writeLong(ntpTimestamp);
        out.writeInt(rtpTimestamp);
        out.writeInt((int) packetCount);
        out.writeInt((int) octetCount);
        blocks.forEach(b -> writeBlock(out, b));
    }

    /**
     * Appends a receiver report.
     *
     * @throws IllegalArgumentException with more than 31 report blocks
     */
    public static void writeReceiverReport(ByteBuf out, int ssrc, List<ReportBlock> blocks) {
        checkCount(blocks);
        out.writeByte(0x80 | blocks.size());
        out.writeByte(201);
        out.writeShort((8 + blocks.size() * ReportBlock.LENGTH) / 4 - 1);
        out.writeInt(ssrc);
        blocks.forEach(b -> writeBlock(out, b));
    }

    /**
     * Appends an SDES packet with one chunk holding the CNAME item (RFC 3550 §6.5), padded to 32 bits.
     *
     * @throws IllegalArgumentException if the CNAME is longer than 255 bytes in UTF-8
     */
    public static void writeCname(ByteBuf out, int ssrc, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        int chunk = 4 + 2 + name.length + 1; // SSRC, type+length, text, END item
        int padded = (chunk + 3) & ~3;
        out.writeByte(0x81);
        out.writeByte(202);
        out.writeShort((4 + padded) / 4 - 1);
        out.writeInt(ssrc);
        out.writeByte(1);
        out.writeByte(name.length);
        out.writeBytes(name);
        out.writeZero(padded - chunk + 1);
    }

    private static void writeBlock(ByteBuf out, ReportBlock b) {
        out.writeInt(b.ssrc());
        out.writeByte(b.fractionLost());
        out.writeMedium(Math.clamp(b.cumulativeLost(), -0x800000, 0x7FFFFF));
        out.writeInt((int) b.extendedHighestSequence());
        out.writeInt((int) b.jitter());
        out.writeInt((int) b.lastSenderReport());
        out.writeInt((int) b.delaySinceLastSenderReport());
    }

    private static void checkCount(List<ReportBlock> blocks) {
        if (blocks.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks, got " + blocks.size());
        }
    }
}
