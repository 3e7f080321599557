package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stack on ::1 (RFC 5118 addresses in Via and URIs). */
class Ipv6IT {

    @Test
    void answersOverIpv6WithReceivedAndRport() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (SipStack stack = SipStack.start(StackConfig.defaults(v6, 0), tx -> tx.respond(200));
                DatagramSocket peer = new DatagramSocket(0, v6)) {
            peer.setSoTimeout(5_000);
            String options = "OPTIONS sip:ping@[::1]:" + stack.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP [::1]:" + peer.getLocalPort() + ";branch=z9hG4bK-v6;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:t@[::1]>;tag=1\r\nTo: <sip:ping@[::1]>\r\n"
                    + "Call-ID: v6@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] b = options.getBytes(StandardCharsets.US_ASCII);
            peer.send(new DatagramPacket(b, b.length, v6, stack.port()));
            byte[] buf = new byte[4_096];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            peer.receive(in);
            String response = new String(buf, 0, in.getLength(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("SIP/2.0 200 OK").contains("rport=" + peer.getLocalPort())
                    .contains("received=");
            assertThat(stack.newVia(org.carillon.sip.transport.Transport.UDP).host()).isEqualTo("[::1]");
        }
    }
}
