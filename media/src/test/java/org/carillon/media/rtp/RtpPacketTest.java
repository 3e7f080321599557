package org.carillon.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private final RtpPacket view = new RtpPacket();

    static ByteBuf packet(int pt, int seq, int ts, int ssrc, int payloadLength) {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, false, pt, seq, ts, ssrc);
        for (int i = 0; i < payloadLength; i++) {
            b.writeByte(i);
        }
        return b;
    }

    @Test
    void readsTheFixedHeaderWithoutCopying() {
        ByteBuf b = packet(8, 65535, 0xF000_0000, 0x1234_5678, 160);
        assertThat(view.wrap(b)).isTrue();
        assertThat(view.payloadType()).isEqualTo(8);
        assertThat(view.sequenceNumber()).isEqualTo(65535);
        assertThat(view.timestamp()).isEqualTo(0xF000_0000);
        assertThat(view.ssrc()).isEqualTo(0x1234_5678);
        assertThat(view.marker()).isFalse();
        assertThat(view.payloadOffset()).isEqualTo(12);
        assertThat(view.payloadLength()).isEqualTo(160);
        assertThat(view.buffer()).isSameAs(b);
    }

    @Test
    void settersWriteIntoTheUnderlyingBytes() {
        ByteBuf b = packet(0, 1, 2, 3, 4);
        view.wrap(b);
        view.setPayloadType(8);
        view.setMarker(true);
        view.setSequenceNumber(0xABCD);
        view.setTimestamp(-1);
        view.setSsrc(42);
        assertThat(b.getUnsignedByte(1)).isEqualTo((short) 0x88);
        assertThat(b.getUnsignedShort(2)).isEqualTo(0xABCD);
        assertThat(b.getInt(4)).isEqualTo(-1);
        assertThat(b.getInt(8)).isEqualTo(42);
        view.setMarker(false);
        assertThat(view.payloadType()).isEqualTo(8);
        assertThat(view.marker()).isFalse();
    }

    @Test
    void skipsCsrcListAndHeaderExtensionAndStripsPadding() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80 | 0x20 | 0x10 | 2); // padding, extension, 2 CSRCs
        b.writeByte(0);
        b.writeShort(7).writeInt(8).writeInt(9);
        b.writeInt(100).writeInt(101); // CSRCs
        b.writeShort(0xBEDE).writeShort(1).writeInt(0); // one-word extension
        b.writeBytes(new byte[] {1, 2, 3});
        b.writeBytes(new byte[] {0, 0, 3}); // 3 bytes of padding
        assertThat(view.wrap(b)).isTrue();
        assertThat(view.csrcCount()).isEqualTo(2);
        assertThat(view.payloadOffset()).isEqualTo(12 + 8 + 8);
        assertThat(view.payloadLength()).isEqualTo(3);
    }

    @Test
    void refusesMalformedPacketsWithoutThrowing() {
        assertThat(view.wrap(Unpooled.wrappedBuffer(new byte[11]))).isFalse();
        ByteBuf v1 = packet(0, 1, 1, 1, 10);
        v1.setByte(0, 0x40);
        assertThat(view.wrap(v1)).isFalse();
        ByteBuf csrc = packet(0, 1, 1, 1, 10);
        csrc.setByte(0, 0x80 | 15);
        assertThat(view.wrap(csrc)).isFalse();
        ByteBuf ext = packet(0, 1, 1, 1, 4);
        ext.setByte(0, 0x90);
        ext.setShort(14, 100);
        assertThat(view.wrap(ext)).isFalse();
        ByteBuf pad = packet(0, 1, 1, 1, 4);
        pad.setByte(0, 0xA0);
        pad.setByte(15, 0);
        assertThat(view.wrap(pad)).isFalse();
        pad.setByte(15, 200);
        assertThat(view.wrap(pad)).isFalse();
        assertThat(view.valid()).isFalse();
    }

    @Test
    void refusesRtcpPacketsMultiplexedOnTheRtpPort() {
        ByteBuf sr = packet(200 & 0x7F, 1, 1, 1, 20);
        sr.setByte(1, 200);
        assertThat(view.wrap(sr)).isFalse();
    }

    @Test
    void readsAPacketAtAnOffsetInsideALargerBuffer() {
        ByteBuf b = Unpooled.buffer();
        b.writeBytes(new byte[5]);
        RtpPacket.writeHeader(b, true, 101, 9, 10, 11);
        b.writeInt(0xCAFEBABE);
        assertThat(view.wrap(b, 5, 16)).isTrue();
        assertThat(view.marker()).isTrue();
        assertThat(view.payloadType()).isEqualTo(101);
        assertThat(b.getInt(view.payloadOffset())).isEqualTo(0xCAFEBABE);
    }
}
