package org.carillon.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyTransportIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String MSG = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhello";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Flow> flows = new LinkedBlockingQueue<>();
    private NettyTransport transport;

    @BeforeEach
    void start() {
        transport = NettyTransport.start(TransportConfig.defaults(LOOPBACK, 0).withIdleTimeout(Duration.ofMillis(300))
                .withMaxMessageBytes(4_096), new InboundListener() {
                    @Override
                    public void onMessage(byte[] bytes, Flow flow) {
                        flows.add(flow); // before the text: tests wait on the text, then read the flow
                        received.add(new String(bytes, StandardCharsets.US_ASCII));
                    }

                    @Override
                    public void onUnframeable(byte[] head, Flow flow, String reason) {
                        received.add("broken: " + reason);
                        transport.send(flow, "SIP/2.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                });
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    @Test
    void listensOnTheSamePortForUdpAndTcp() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK); Socket tcp = new Socket(LOOPBACK, transport.port())) {
            udp.send(new DatagramPacket(MSG.getBytes(StandardCharsets.US_ASCII), MSG.length(), LOOPBACK, transport.port()));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(MSG);
            assertThat(flows.poll().transport()).isEqualTo(Transport.UDP);
            tcp.getOutputStream().write(MSG.getBytes(StandardCharsets.US_ASCII));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(MSG);
            assertThat(flows.poll().transport()).isEqualTo(Transport.TCP);
        }
    }

    @Test
    void answersOverTheConnectionTheMessageCameIn() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, transport.port())) {
            tcp.getOutputStream().write(MSG.getBytes(StandardCharsets.US_ASCII));
            received.poll(5, TimeUnit.SECONDS);
            Flow flow = flows.poll();
            transport.send(flow, "SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(readLine(tcp.getInputStream())).isEqualTo("SIP/2.0 200 OK");
            assertThat(transport.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void opensAndReusesAnOutboundConnection() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, LOOPBACK)) {
            Flow flow = new Flow(Transport.TCP, new InetSocketAddress(LOOPBACK, server.getLocalPort()));
            transport.send(flow, MSG.getBytes(StandardCharsets.US_ASCII)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            try (Socket peer = server.accept()) {
                transport.send(flow, MSG.getBytes(StandardCharsets.US_ASCII)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                byte[] both = peer.getInputStream().readNBytes(2 * MSG.length());
                assertThat(new String(both, StandardCharsets.US_ASCII)).isEqualTo(MSG + MSG);
                // the peer answers on the same connection and we read it as an inbound message
                peer.getOutputStream().write(MSG.getBytes(StandardCharsets.US_ASCII));
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(MSG);
            }
            assertThat(transport.counters().connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void answersAKeepAlivePingWithAPong() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, transport.port())) {
            tcp.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(tcp.getInputStream().readNBytes(2)).containsExactly('\r', '\n');
            assertThat(transport.counters().keepAlives()).isEqualTo(1);
        }
    }

    @Test
    void dropsAnOversizedDatagramAndKeepsServing() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
            byte[] big = new byte[5_000];
            udp.send(new DatagramPacket(big, big.length, LOOPBACK, transport.port()));
            udp.send(new DatagramPacket(MSG.getBytes(StandardCharsets.US_ASCII), MSG.length(), LOOPBACK, transport.port()));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(MSG);
            assertThat(transport.counters().oversizeDrops()).isEqualTo(1);
        }
    }

    @Test
    void answersAnUnframeableStreamThenClosesIt() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, transport.port())) {
            OutputStream out = tcp.getOutputStream();
            out.write("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("broken: missing Content-Length");
            assertThat(readLine(tcp.getInputStream())).isEqualTo("SIP/2.0 400 Bad Request");
            tcp.setSoTimeout(5_000);
            assertThat(tcp.getInputStream().readAllBytes()).containsExactly('\r', '\n'); // rest of 400, then EOF
        }
        assertThat(transport.counters().unframeable()).isEqualTo(1);
    }

    @Test
    void closesAnIdleConnection() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, transport.port())) {
            tcp.setSoTimeout(5_000);
            assertThat(tcp.getInputStream().read()).isEqualTo(-1); // closed by the 300 ms idle timeout
        }
        assertThat(transport.counters().connectionsIdleClosed()).isEqualTo(1);
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                return sb.toString().stripTrailing();
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
