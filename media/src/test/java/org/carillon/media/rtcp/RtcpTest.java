package org.carillon.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpTest {

    private static final ReportBlock BLOCK = new ReportBlock(0x11, 25, -3, 0x1_0005L, 40, 0xABCD_0000L, 65536);

    @Test
    void senderReportWithCnameRoundTrips() {
        ByteBuf b = Unpooled.buffer();
        RtcpWriter.writeSenderReport(b, 0x22, 0x0102_0304_0506_0708L, 160, 50, 8000, List.of(BLOCK));
        RtcpWriter.writeCname(b, 0x22, "leg-1@carillon");
        assertThat(b.readableBytes() % 4).isZero();
        var reports = RtcpParser.parse(b);
        assertThat(reports).containsExactly(new RtcpReport.SenderReport(0x22, 0x0102_0304_0506_0708L, 160, 50, 8000,
                List.of(BLOCK)));
    }

    @Test
    void receiverReportAndByeRoundTrip() {
        ByteBuf b = Unpooled.buffer();
        RtcpWriter.writeReceiverReport(b, 0x33, List.of(BLOCK, BLOCK));
        RtcpWriter.writeCname(b, 0x33, "x");
        b.writeByte(0x81).writeByte(203).writeShort(1).writeInt(0x33);
        assertThat(RtcpParser.parse(b)).containsExactly(
                new RtcpReport.ReceiverReport(0x33, List.of(BLOCK, BLOCK)), new RtcpReport.Bye(0x33));
    }

    @Test
    void truncatedOrForeignBytesYieldWhatWasReadAndNeverThrow() {
        ByteBuf b = Unpooled.buffer();
        RtcpWriter.writeReceiverReport(b, 0x33, List.of());
        b.writeByte(0x81).writeByte(201).writeShort(50).writeInt(1); // claims more than is there
        assertThat(RtcpParser.parse(b)).containsExactly(new RtcpReport.ReceiverReport(0x33, List.of()));
        assertThat(RtcpParser.parse(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))).isEmpty();
        ByteBuf lying = Unpooled.buffer();
        lying.writeByte(0x85).writeByte(201).writeShort(1).writeInt(1); // 5 blocks announced, none present
        assertThat(RtcpParser.parse(lying)).isEmpty();
    }
}
