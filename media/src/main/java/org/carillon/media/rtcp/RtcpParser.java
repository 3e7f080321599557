package org.carillon.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SR, RR and BYE packets of a compound RTCP packet (RFC 3550 §6.1); SDES, APP and unknown types
 * are skipped. RTCP arrives every few seconds per leg, so allocating the result is fine here.
 * A malformed compound packet yields what was read before the fault, never an exception.
 */
public final class RtcpParser {

    /** At most this many packets are read from one compound packet. */
    public static final int MAX_PACKETS = 16;

    private RtcpParser() {
    }

    /** Parses the readable bytes of {@code buf} without moving its indices. */
    public static List<RtcpReport> parse(ByteBuf buf) {
        var out = new ArrayList<RtcpReport>(2);
        int pos = buf.readerIndex();
        int end = buf.writerIndex();
        for (int n = 0; n < MAX_PACKETS && pos + 4 <= end; n++) {
            int b0 = buf.getUnsignedByte(pos);
            if ((b0 >>> 6) != 2) {
                break;
            }
            int count = b0 & 0x1F;
            int type = buf.getUnsignedByte(pos + 1);
            int len = (buf.getUnsignedShort(pos + 2) + 1) * 4;
            if (pos + len > end) {
                break;
            }
            switch (type) {
                case 200 -> {
                    if (len >= 28 + count * ReportBlock.LENGTH) {
                        out.add(new RtcpReport.SenderReport(buf.getInt(pos + 4), buf.getLong(pos + 8),
                                buf.getInt(pos + 16), buf.getUnsignedInt(pos + 20), buf.getUnsignedInt(pos + 24),
                                blocks(buf, pos + 28, count)));
                    }
                }
                case 201 -> {
                    if (len >= 8 + count * ReportBlock.LENGTH) {
                        out.add(new RtcpReport.ReceiverReport(buf.getInt(pos + 4), blocks(buf, pos + 8, count)));
                    }
                }
                case 203 -> {
                    if (count > 0 && len >= 8) {
                        out.add(new RtcpReport.Bye(buf.getInt(pos + 4)));
                    }
                }
                default -> {
                    // SDES, APP, XR, feedback: not needed for statistics
                }
            }
            pos += len;
        }
        return out;
    }

    private static List<ReportBlock> blocks(ByteBuf buf, int at, int count) {
        var blocks = new ArrayList<ReportBlock>(count);
        for (int i = 0; i < count; i++) {
            int p = at + i * ReportBlock.LENGTH;
            int lost = buf.getMedium(p + 5); // signed 24-bit
            blocks.add(new ReportBlock(buf.getInt(p), buf.getUnsignedByte(p + 4), lost,
                    buf.getUnsignedInt(p + 8), buf.getUnsignedInt(p + 12), buf.getUnsignedInt(p + 16),
                    buf.getUnsignedInt(p + 20)));
        }
        return blocks;
    }
}
