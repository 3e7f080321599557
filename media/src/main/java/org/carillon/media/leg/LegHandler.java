package org.carillon.media.leg;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty inbound handler of a leg's RTP or RTCP socket: hands each datagram to the leg and releases it.
 * Socket errors (ICMP unreachable and the like) are ignored: UDP media keeps going.
 */
public final class LegHandler extends ChannelInboundHandlerAdapter {

    private final MediaLeg leg;
    private final boolean rtcp;

    /** @param rtcp whether this handler sits on the RTCP socket */
    public LegHandler(MediaLeg leg, boolean rtcp) {
        this.leg = leg;
        this.rtcp = rtcp;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket dp) {
                if (rtcp) {
                    leg.receiveRtcp(dp.content());
                } else {
                    leg.receive(dp.content(), dp.sender());
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!rtcp) {
            leg.readBatchComplete();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a UDP socket error concerns one datagram, not the leg
    }
}
