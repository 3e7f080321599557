package org.carillon.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    /**
     * Issue 10: a NOTIFY to each of 1,000 BLF watchers was handed to {@code send} faster than the event loop wrote
     * them; the tail found the bounded queue full and was dropped. A burst that waits in {@code awaitSendRoom} before
     * each message loses nothing.
     */
    @Test
    void aBurstPacedByAwaitSendRoomLosesNothingWhereAnUnpacedOneOverflowsTheQueue() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InboundListener stalling = new InboundListener() {
            @Override
            public void onMessage(byte[] bytes, Flow flow) {
                stalled.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // the event loop busy, as with a thousand 200s to read
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onUnframeable(byte[] head, Flow flow, String reason) {
            }
        };
        TransportConfig config = TransportConfig.defaults(LOOPBACK, 0).withWriteHighWaterMark(1_024);
        try (NettyTransport transport = NettyTransport.start(config, stalling);
                DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            peer.setReceiveBufferSize(1 << 20); // a hint: the paced burst below also fits the default 208 kB
            Flow flow = new Flow(Transport.UDP, (InetSocketAddress) peer.getLocalSocketAddress());
            byte[] unpaced = new byte[600];
            Arrays.fill(unpaced, (byte) 'A');
            byte[] paced = new byte[600];
            Arrays.fill(paced, (byte) 'B');
            peer.send(new DatagramPacket(new byte[]{'x'}, 1, LOOPBACK, transport.port()));
            assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();

            int refused = 0;
            for (int i = 0; i < 20; i++) {
                if (transport.send(flow, unpaced).toCompletableFuture().isCompletedExceptionally()) {
                    refused++;
                }
            }
            assertThat(refused).as("an unpaced burst of 12 kB into a 1 kB queue").isPositive();
            assertThat(transport.awaitSendRoom(flow, Duration.ofMillis(50))).as("no room while the loop is stalled")
                    .isFalse();
            release.countDown();
            assertThat(transport.awaitSendRoom(flow, Duration.ofSeconds(5))).as("room once it runs again").isTrue();

            AtomicInteger received = new AtomicInteger();
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[2_048];
                try {
                    peer.setSoTimeout(5_000);
                    while (received.get() < 100) {
                        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                        peer.receive(p);
                        if (p.getLength() == 600 && buffer[0] == 'B') {
                            received.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException timedOut) {
                    // asserted below
                }
            });
            long dropsBefore = transport.counters().sendDrops();
            for (int i = 0; i < 100; i++) { // 60 kB, 60 times the queue's bound
                assertThat(transport.awaitSendRoom(flow, Duration.ofSeconds(5))).isTrue();
                transport.send(flow, paced);
            }
            reader.join(Duration.ofSeconds(10));
            assertThat(transport.counters().sendDrops()).as("paced sends dropped").isEqualTo(dropsBefore);
            assertThat(received.get()).as("paced messages received").isEqualTo(100);
        }
    }
}
