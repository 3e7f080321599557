package org.carillon.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Hands each UDP datagram to the listener as one message (RFC 3261 §18.3: a datagram is a
 * message). Stateless, so one instance serves every UDP socket of the port.
 */
@ChannelHandler.Sharable
final class DatagramReader extends SimpleChannelInboundHandler<DatagramPacket> {

    private final InboundListener listener;
    private final TransportStats stats;
    private final int maxMessageBytes;

    DatagramReader(InboundListener listener, TransportStats stats, int maxMessageBytes) {
        this.listener = listener;
        this.stats = stats;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int size = content.readableBytes();
        if (size > maxMessageBytes) {
            stats.oversizeDrops.increment();
            return;
        }
        if (isKeepAlive(content)) {
            return; // RFC 5626 §4.4.1 allows CRLF keep-alives on UDP too; nothing to answer
        }
        byte[] bytes = new byte[size];
        content.getBytes(content.readerIndex(), bytes);
        stats.received.increment();
        listener.onMessage(bytes, new Flow(Transport.UDP, packet.sender()));
    }

    private static boolean isKeepAlive(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An ICMP port unreachable surfaces here on some platforms; the socket stays usable.
        stats.sendDrops.increment();
    }
}
