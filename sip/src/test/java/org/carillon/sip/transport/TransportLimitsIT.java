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
}
