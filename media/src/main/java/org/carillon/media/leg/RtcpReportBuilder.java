package org.carillon.media.leg;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.carillon.media.rtcp.ReportBlock;
import org.carillon.media.rtcp.RtcpWriter;
import org.carillon.media.rtp.ReceiveStatistics;

/** Builds a leg's periodic compound RTCP packet: SR if we have sent, else RR, then SDES CNAME. */
final class RtcpReportBuilder {

    private static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L; // 1900-01-01 to 1970-01-01

    private final ByteBufAllocator alloc;
    private final int ssrc;
    private final String cname;

    RtcpReportBuilder(ByteBufAllocator alloc, int ssrc, String cname) {
        this.alloc = alloc;
        this.ssrc = ssrc;
        this.cname = cname;
    }

    ByteBuf build(ReceiveStatistics stats, long packetsSent, long octetsSent, long epochMillis, long lsr, long dlsr) {
        List<ReportBlock> blocks = stats.expected() == 0 ? List.of() : List.of(new ReportBlock(stats.ssrc(),
                stats.takeFractionLost(), (int) stats.cumulativeLost(), stats.extendedHighestSequence(),
                stats.jitter(), lsr, dlsr));
        ByteBuf b = alloc.buffer(128);
        if (packetsSent > 0) {
            long seconds = epochMillis / 1000 + NTP_EPOCH_OFFSET_SECONDS;
            long fraction = ((epochMillis % 1000) << 32) / 1000;
            RtcpWriter.writeSenderReport(b, ssrc, (seconds << 32) | fraction, 0, packetsSent, octetsSent, blocks);
        } else {
            RtcpWriter.writeReceiverReport(b, ssrc, blocks);
        }
        RtcpWriter.writeCname(b, ssrc, cname);
        return b;
    }
}
