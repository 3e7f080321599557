package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real requests and responses thrown at the whole receive path over UDP:
 * whatever the parser lets through, the stack must neither fail inside (internalErrors) nor stop
 * serving. Responses only ever go to loopback: the stack answers to the packet's source.
 */
class StackFuzzIT {

    private static final List<String> BASES = List.of(
            RawPeer.options("z9hG4bKf1", 5999, "UDP"),
            RawPeer.options("z9hG4bKf2", 5999, "UDP").replace("OPTIONS", "INVITE"),
            RawPeer.options("z9hG4bKf3", 5999, "UDP").replace("OPTIONS sip", "CANCEL sip").replace("1 OPTIONS", "1 CANCEL"),
            RawPeer.options("z9hG4bKf4", 5999, "UDP").replace("OPTIONS sip", "ACK sip").replace("1 OPTIONS", "1 ACK"),
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKf5\r\nFrom: <sip:a@b>;tag=1\r\n"
                    + "To: <sip:c@d>;tag=2\r\nCall-ID: f5\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
    private static final String[] SPLICES = {";", ",", ":", "\r\n", " ", "<", ">", "@", "=", ";rport", ";received=",
        ";branch=", "[::1]", "%", "\"", "0", "99999999999", "\u0000", "\r\nVia: x\r\n", "\r\n\r\n"};

    @Test
    void survivesMutatedMessagesAndKeepsServing() {
        try (SipStack stack = SipStack.start(StackConfig.defaults(RawPeer.LOOPBACK, 0), tx -> tx.respond(200));
                RawPeer peer = new RawPeer()) {
            Random r = new Random(3261);
            for (int i = 0; i < 2_000; i++) {
                StringBuilder m = new StringBuilder(BASES.get(r.nextInt(BASES.size()))
                        .replace("5999", Integer.toString(peer.port())));
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    int at = r.nextInt(m.length());
                    switch (r.nextInt(3)) {
                        case 0 -> m.insert(at, SPLICES[r.nextInt(SPLICES.length)]);
                        case 1 -> m.deleteCharAt(at);
                        default -> m.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                }
                peer.send(m.toString().getBytes(StandardCharsets.ISO_8859_1), stack.port());
                if (i % 25 == 0) {
                    while (peer.receive(1).isPresent()) {
                        // drain answers so the socket buffer never fills
                    }
                }
            }
            peer.send(RawPeer.options("z9hG4bK-after-fuzz", peer.port(), "UDP"), stack.port());
            String last;
            do {
                last = peer.receive();
            } while (!last.contains("z9hG4bK-after-fuzz"));
            assertThat(last).startsWith("SIP/2.0 200 OK");
            assertThat(stack.counters().internalErrors()).isZero();
            assertThat(stack.counters().parseFailures()).isPositive();
        }
    }
}
