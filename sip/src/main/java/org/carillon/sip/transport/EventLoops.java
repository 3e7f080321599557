package org.carillon.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll when the platform has it (Linux with the native jar), NIO otherwise. */
record EventLoops(EventLoopGroup group, Class<? extends DatagramChannel> datagram,
        Class<? extends ServerSocketChannel> server, Class<? extends SocketChannel> client, boolean epoll) {

    static EventLoops create(int threads) {
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("sip-io", true);
        if (Epoll.isAvailable()) {
            return new EventLoops(new MultiThreadIoEventLoopGroup(threads, threadFactory, EpollIoHandler.newFactory()),
                    EpollDatagramChannel.class, EpollServerSocketChannel.class, EpollSocketChannel.class, true);
        }
        return new EventLoops(new MultiThreadIoEventLoopGroup(threads, threadFactory, NioIoHandler.newFactory()),
                NioDatagramChannel.class, NioServerSocketChannel.class, NioSocketChannel.class, false);
    }

    static boolean isStream(Channel channel) {
        return channel instanceof SocketChannel;
    }
}
