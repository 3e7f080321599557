package org.carillon.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;

/**
 * Sits behind {@link StreamFramer} on each TCP connection: registers the connection for reuse,
 * passes framed messages on, answers keep-alive pings and closes broken or idle connections.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {

    private static final byte[] PONG = {'\r', '\n'};

    private final InboundListener listener;
    private final Connections connections;
    private final TransportStats stats;
    private final Transport transport;
    private Flow flow;

    StreamHandler(InboundListener listener, Connections connections, TransportStats stats, Transport transport) {
        this.listener = listener;
        this.connections = connections;
        this.stats = stats;
        this.transport = transport;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        flow = new Flow(transport, (InetSocketAddress) ctx.channel().remoteAddress());
        if (!connections.register(flow, ctx.channel())) {
            stats.connectionsRefused.increment();
            ctx.close();
            return;
        }
        stats.connectionsOpened.increment();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (flow != null) {
            connections.unregister(flow, ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch ((Frame) msg) {
            case Frame.Message m -> {
                stats.received.increment();
                listener.onMessage(m.bytes(), flow);
            }
            case Frame.Ping p -> {
                stats.keepAlives.increment();
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            }
            case Frame.Broken b -> {
                stats.unframeable.increment();
                listener.onUnframeable(b.head(), flow, b.reason());
                // Whatever the listener sent (a 400) is queued before this empty write; close after it.
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            stats.connectionsIdleClosed.increment();
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and other I/O errors end this connection only; the listening socket is untouched.
        ctx.close();
    }
}
