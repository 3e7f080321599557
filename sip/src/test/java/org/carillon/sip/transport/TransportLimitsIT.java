package org.carillon.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transport's bounds: outbound queue per connection and number of connections. */
class TransportLimitsIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InboundListener IGNORE = new InboundListener() {
        @Override
        public void onMessage(byte[] bytes, Flow flow) {
        }

        @Override
        public void onUnframeable(byte[] head, Flow flow, String reason) {
        }
    };

    @Test
    void dropsSendsToAPeerThatStopsReadingInsteadOfQueueingWithoutBound() throws Exception {
        TransportConfig config = TransportConfig.defaults(LOOPBACK, 0).withWriteHighWaterMark(64 * 1024);
        try (NettyTransport transport = NettyTransport.start(config, IGNORE);
                ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4 * 1024);
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            Flow flow = new Flow(Transport.TCP, new InetSocketAddress(LOOPBACK, server.getLocalPort()));
            byte[] chunk = new byte[32 * 1024];
            transport.send(flow, chunk).toCompletableFuture().get(5, TimeUnit.SECONDS);
            try (Socket silent = server.accept()) { // accepted, never read
                int refused = 0;
                for (int i = 0; i < 2_000 && refused == 0; i++) {
                    try {
                        transport.send(flow, chunk).toCompletableFuture().getNow(null);
                    } catch (CompletionException e) {
                        refused++;
                    }
                }
                assertThat(refused).as("a send was refused before 64 MB were queued").isEqualTo(1);
                assertThat(transport.counters().sendDrops()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void refusesConnectionsBeyondTheLimit() throws Exception {
        TransportConfig config = TransportConfig.defaults(LOOPBACK, 0).withMaxConnections(2)
                .withIdleTimeout(Duration.ofMinutes(1));
        try (NettyTransport transport = NettyTransport.start(config, IGNORE);
                Socket a = new Socket(LOOPBACK, transport.port());
                Socket b = new Socket(LOOPBACK, transport.port());
                Socket c = new Socket(LOOPBACK, transport.port())) {
            c.setSoTimeout(5_000);
            assertThat(c.getInputStream().read()).as("third connection closed").isEqualTo(-1);
            assertThat(transport.counters().connectionsRefused()).isEqualTo(1);
            assertThat(transport.connectionCount()).isEqualTo(2);
        }
    }

    @Test
    void sharesTheUdpPortBetweenOneSocketPerIoThread() throws Exception {
        java.util.concurrent.BlockingQueue<String> got = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TransportConfig config = TransportConfig.defaults(LOOPBACK, 0).withIoThreads(2);
        try (NettyTransport transport = NettyTransport.start(config, new InboundListener() {
            @Override
            public void onMessage(byte[] bytes, Flow flow) {
                threads.add(Thread.currentThread().getName());
                got.add(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
            }

            @Override
            public void onUnframeable(byte[] head, Flow flow, String reason) {
            }
        })) {
            java.util.List<java.net.DatagramSocket> peers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    java.net.DatagramSocket peer = new java.net.DatagramSocket(0, LOOPBACK);
                    peers.add(peer);
                    byte[] b = ("OPTIONS sip:x SIP/2.0\r\nX: " + i + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    peer.send(new java.net.DatagramPacket(b, b.length, LOOPBACK, transport.port()));
                }
                for (int i = 0; i < 16; i++) {
                    assertThat(got.poll(5, TimeUnit.SECONDS)).as("message %d", i).isNotNull();
                }
            } finally {
                peers.forEach(java.net.DatagramSocket::close);
            }
            if (transport.isEpoll()) {
                assertThat(threads).as("16 peers hash onto both sockets").hasSize(2);
            }
        }
    }
}
