package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carillon.sip.stack.RawPeer.LOOPBACK;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transaction.TransactionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole stack over real loopback sockets against a raw-socket peer. */
class SipStackIT {

    private final List<String> handledOn = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ServerTransaction> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    private SipStack stack;
    private RawPeer peer;

    @BeforeEach
    void start() {
        stack = SipStack.start(StackConfig.defaults(LOOPBACK, 0)
                .withTimers(new TimerConfig(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(500),
                        Duration.ofMillis(500))), new SipHandler() {
                            @Override
                            public void onRequest(ServerTransaction tx) {
                                handledOn.add(Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName());
                                requests.add(tx);
                                if (tx.request().requestUri().toString().contains("late")) {
                                    awaitNoConnections();
                                    tx.respond(200);
                                } else if (tx.request().method().equals("INVITE")
                                        && tx.request().requestUri().toString().contains("answer")) {
                                    tx.respond(200);
                                } else if (tx.request().method().equals("INVITE")) {
                                    tx.respond(486);
                                } else if (!tx.request().requestUri().toString().contains("silent")) {
                                    tx.respond(200);
                                }
                            }


                            @Override
                            public void onAck(org.carillon.sip.message.SipRequest ack) {
                                acks.add(ack.callId());
                            }
                        });
        peer = new RawPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
        stack.close();
    }

    @Test
    void answersOptionsOverUdpOnAVirtualThreadAndStampsReceivedAndRport() {
        peer.send(RawPeer.options("z9hG4bK-a1", peer.port(), "UDP"), stack.port());
        String response = peer.receive();
        assertThat(response).startsWith("SIP/2.0 200 OK\r\n")
                .contains(";rport=" + peer.port())
                .contains("received=127.0.0.1")
                .containsPattern("To: <sip:ping@127.0.0.1>;tag=\\w+");
        assertThat(handledOn).containsExactly("virtual");
    }

    @Test
    void answersARetransmittedRequestFromTheTransactionWithoutTheApplication() throws Exception {
        String options = RawPeer.options("z9hG4bK-a2", peer.port(), "UDP");
        peer.send(options, stack.port());
        String first = peer.receive();
        peer.send(options, stack.port());
        assertThat(peer.receive()).isEqualTo(first);
        assertThat(requests).hasSize(1);
        assertThat(stack.counters().retransmissionsIn()).isEqualTo(1);
    }

    @Test
    void dropsGarbageCountsItAndKeepsServing() {
        peer.send("\u0000\u0001garbage that is not SIP at all\r\n\r\n", stack.port());
        peer.send("SIP/2.0 200 OK\r\nbroken header line\r\n\r\n", stack.port());
        peer.send(RawPeer.options("z9hG4bK-a3", peer.port(), "UDP"), stack.port());
        assertThat(peer.receive()).startsWith("SIP/2.0 200 OK");
        assertThat(stack.counters().parseFailures()).isEqualTo(2);
        assertThat(stack.counters().badRequestsAnswered()).isZero();
    }

    @Test
    void answersATruncatedRequestWith400() {
        String full = RawPeer.options("z9hG4bK-a4", peer.port(), "UDP");
        String truncated = full.substring(0, full.indexOf("Call-ID")) + "CSeq: x\r\n\r\n";
        peer.send(truncated, stack.port());
        assertThat(peer.receive()).startsWith("SIP/2.0 400 ").contains("branch=z9hG4bK-a4");
        peer.send(RawPeer.options("z9hG4bK-a5", peer.port(), "UDP"), stack.port());
        assertThat(peer.receive()).startsWith("SIP/2.0 200 OK");
        assertThat(stack.counters().badRequestsAnswered()).isEqualTo(1);
    }

    @Test
    void answersAnOversizedDatagramWith513AndKeepsServing() {
        StringBuilder huge = new StringBuilder(RawPeer.options("z9hG4bK-a6", peer.port(), "UDP"));
        huge.setLength(huge.length() - 2);
        huge.append("X-Pad: ").append("x".repeat(65_000)).append("\r\n\r\n");
        peer.send(huge.toString(), stack.port());
        peer.send(RawPeer.options("z9hG4bK-a7", peer.port(), "UDP"), stack.port());
        // a 65 kB header line breaks the parser's line limit even in lenient mode: the raw
        // fallback still finds the Via and answers 513 (RFC 3261 §21.5.13)
        assertThat(peer.receive()).startsWith("SIP/2.0 513 Message Too Large").contains("z9hG4bK-a6");
        assertThat(peer.receive()).startsWith("SIP/2.0 200 OK").contains("z9hG4bK-a7");
        assertThat(stack.counters().parseFailures()).isEqualTo(1);
        assertThat(stack.counters().badRequestsAnswered()).isEqualTo(1);
    }

    @Test
    void answersOverTheTcpConnectionTheRequestCameIn() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
            tcp.setSoTimeout(5_000);
            String options = RawPeer.options("z9hG4bK-t1", tcp.getLocalPort(), "TCP");
            tcp.getOutputStream().write((options + options.replace("t1", "t2")).getBytes(StandardCharsets.US_ASCII));
            // each request runs on its own virtual thread, so the answers may come in either order
            List<String> answers = List.of(RawPeer.readMessage(tcp), RawPeer.readMessage(tcp));
            assertThat(answers).allMatch(a -> a.startsWith("SIP/2.0 200 OK"));
            assertThat(answers).anyMatch(a -> a.contains("z9hG4bK-t1")).anyMatch(a -> a.contains("z9hG4bK-t2"));
        }
    }

    @Test
    void answersAnUnframeableTcpRequestWith400ClosesAndKeepsServing() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
            tcp.setSoTimeout(5_000);
            String noLength = RawPeer.options("z9hG4bK-t3", tcp.getLocalPort(), "TCP").replace("Content-Length: 0\r\n", "");
            tcp.getOutputStream().write(noLength.getBytes(StandardCharsets.US_ASCII));
            assertThat(RawPeer.readMessage(tcp)).startsWith("SIP/2.0 400 ");
            assertThat(tcp.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
            tcp.setSoTimeout(5_000);
            tcp.getOutputStream().write("\u0007\u0008 binary junk\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(tcp.getInputStream().read()).isEqualTo(-1); // unframeable, nothing to answer
        }
        try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
            tcp.setSoTimeout(5_000);
            tcp.getOutputStream().write(RawPeer.options("z9hG4bK-t4", tcp.getLocalPort(), "TCP")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(RawPeer.readMessage(tcp)).startsWith("SIP/2.0 200 OK");
        }
        assertThat(stack.counters().transport().unframeable()).isEqualTo(2);
        assertThat(stack.counters().badRequestsAnswered()).isEqualTo(1);
    }

    @Test
    void answersAnOversizedTcpMessageWith513AndClosesTheConnection() throws Exception {
        try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
            tcp.setSoTimeout(5_000);
            String huge = RawPeer.options("z9hG4bK-t5", tcp.getLocalPort(), "TCP")
                    .replace("Content-Length: 0", "Content-Length: 100000");
            tcp.getOutputStream().write(huge.getBytes(StandardCharsets.US_ASCII));
            assertThat(RawPeer.readMessage(tcp)).startsWith("SIP/2.0 513 ").contains("z9hG4bK-t5");
            assertThat(tcp.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(stack.counters().parseFailures()).isEqualTo(1);
    }

    @Test
    void answers503BeyondTheTransactionLimit() {
        try (SipStack small = SipStack.start(StackConfig.defaults(LOOPBACK, 0).withMaxServerTransactions(2),
                tx -> { })) { // never answers: transactions stay live
            for (int i = 1; i <= 3; i++) {
                peer.send(RawPeer.options("z9hG4bK-lim" + i, peer.port(), "UDP").replace("To: <sip:ping@127.0.0.1>",
                        "To: <sip:ping@127.0.0.1>;tag=" + i), small.port());
            }
            String busy = peer.receive();
            assertThat(busy).startsWith("SIP/2.0 503 ").contains("z9hG4bK-lim3").contains("Retry-After: 5");
            assertThat(small.counters().drops()).isEqualTo(1);
        }
    }

    @Test
    void retransmitsAFailureToInviteUntilTheAckArrives() {
        String invite = RawPeer.options("z9hG4bK-i1", peer.port(), "UDP").replace("OPTIONS", "INVITE");
        peer.send(invite, stack.port());
        String first = peer.receive();
        assertThat(first).startsWith("SIP/2.0 486 ");
        assertThat(peer.receive()).isEqualTo(first); // Timer G, T1 = 50 ms
        String toWithTag = first.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        String ack = invite.replace("INVITE sip", "ACK sip").replace("1 INVITE", "1 ACK")
                .replace("To: <sip:ping@127.0.0.1>", toWithTag);
        peer.send(ack, stack.port());
        ServerTransaction tx = requests.poll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (tx.state() == TransactionState.COMPLETED && System.nanoTime() < deadline) {
            peer.receive(50); // drain retransmissions that were already in flight
        }
        assertThat(tx.state()).isIn(TransactionState.CONFIRMED, TransactionState.TERMINATED);
    }

    @Test
    void sendsARequestRetransmitsItAndDeliversTheResponseOnTheApplicationsExecutor() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        var request = org.carillon.sip.message.SipRequest.create("OPTIONS",
                org.carillon.sip.uri.Uri.parse("sip:peer@127.0.0.1:" + peer.port()));
        request.headers().add(org.carillon.sip.message.HeaderName.FROM, "<sip:stack@127.0.0.1>;tag=abc");
        request.headers().add(org.carillon.sip.message.HeaderName.TO, "<sip:peer@127.0.0.1>");
        request.headers().add(org.carillon.sip.message.HeaderName.CALL_ID, "client-1@test");
        request.headers().add(org.carillon.sip.message.HeaderName.CSEQ, "7 OPTIONS");
        stack.send(request, new org.carillon.sip.transaction.ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                events.add(response.statusCode() + " on " + (Thread.currentThread().isVirtual() ? "virtual" : "other"));
            }

            @Override
            public void onTimeout() {
                events.add("timeout");
            }

            @Override
            public void onTransportError() {
                events.add("transport error");
            }
        });
        String sent = peer.receive();
        assertThat(peer.receive()).isEqualTo(sent); // Timer E retransmission
        String via = sent.lines().filter(l -> l.startsWith("Via:")).findFirst().orElseThrow();
        peer.send("SIP/2.0 200 OK\r\n" + via + "\r\nFrom: <sip:stack@127.0.0.1>;tag=abc\r\n"
                + "To: <sip:peer@127.0.0.1>;tag=xyz\r\nCall-ID: client-1@test\r\nCSeq: 7 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n", stack.port());
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("200 on virtual");
        assertThat(stack.counters().retransmissionsOut()).isGreaterThanOrEqualTo(1);
        // sending the same request object again (as after a 401) gives it a new branch, not a second Via
        request.setCSeq(new org.carillon.sip.message.header.CSeq(8, "OPTIONS"));
        stack.send(request, new org.carillon.sip.transaction.ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
            }

            @Override
            public void onTimeout() {
            }

            @Override
            public void onTransportError() {
            }
        });
        String again;
        do {
            again = peer.receive();
        } while (!again.contains("CSeq: 8 OPTIONS"));
        assertThat(again.lines().filter(l -> l.startsWith("Via:"))).hasSize(1).doesNotContain(via);
    }

    @Test
    void sendsALargeRequestOverTcpEvenWhenTheUriSaysNothing() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, LOOPBACK)) {
            var request = org.carillon.sip.message.SipRequest.create("MESSAGE",
                    org.carillon.sip.uri.Uri.parse("sip:peer@127.0.0.1:" + server.getLocalPort()));
            request.headers().add(org.carillon.sip.message.HeaderName.FROM, "<sip:stack@127.0.0.1>;tag=abc");
            request.headers().add(org.carillon.sip.message.HeaderName.TO, "<sip:peer@127.0.0.1>");
            request.headers().add(org.carillon.sip.message.HeaderName.CALL_ID, "big-1@test");
            request.headers().add(org.carillon.sip.message.HeaderName.CSEQ, "1 MESSAGE");
            request.setBody("x".repeat(2_000).getBytes(StandardCharsets.US_ASCII), java.util.Optional.of("text/plain"));
            stack.send(request, new org.carillon.sip.transaction.ResponseListener() {
                @Override
                public void onResponse(SipResponse response) {
                }

                @Override
                public void onTimeout() {
                }

                @Override
                public void onTransportError() {
                }
            });
            server.setSoTimeout(5_000);
            try (Socket in = server.accept()) {
                in.setSoTimeout(5_000);
                assertThat(RawPeer.readMessage(in)).startsWith("MESSAGE sip:peer@").contains("Via: SIP/2.0/TCP ");
            }
        }
    }

    @Test
    void cancelsAnInviteAndAcksTheResulting487() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        org.carillon.sip.transaction.ResponseListener record = new org.carillon.sip.transaction.ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                events.add(response.cseq().method() + " " + response.statusCode());
            }

            @Override
            public void onTimeout() {
                events.add("timeout");
            }

            @Override
            public void onTransportError() {
                events.add("transport error");
            }
        };
        var invite = org.carillon.sip.message.SipRequest.create("INVITE",
                org.carillon.sip.uri.Uri.parse("sip:peer@127.0.0.1:" + peer.port()));
        invite.headers().add(org.carillon.sip.message.HeaderName.FROM, "<sip:stack@127.0.0.1>;tag=abc");
        invite.headers().add(org.carillon.sip.message.HeaderName.TO, "<sip:peer@127.0.0.1>");
        invite.headers().add(org.carillon.sip.message.HeaderName.CALL_ID, "cancel-1@test");
        invite.headers().add(org.carillon.sip.message.HeaderName.CSEQ, "1 INVITE");
        var tx = stack.send(invite, record);
        String sent = peer.receive();
        String via = sent.lines().filter(l -> l.startsWith("Via:")).findFirst().orElseThrow();
        String dialog = via + "\r\nFrom: <sip:stack@127.0.0.1>;tag=abc\r\nTo: <sip:peer@127.0.0.1>;tag=p1\r\n"
                + "Call-ID: cancel-1@test\r\n";
        peer.send("SIP/2.0 180 Ringing\r\n" + dialog + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n", stack.port());
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("INVITE 180");
        stack.cancel(tx, record);
        String cancel = nextNonRetransmission(sent);
        assertThat(cancel).startsWith("CANCEL sip:peer@127.0.0.1:").contains(via).contains("CSeq: 1 CANCEL");
        peer.send("SIP/2.0 200 OK\r\n" + dialog + "CSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n", stack.port());
        peer.send("SIP/2.0 487 Request Terminated\r\n" + dialog + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                stack.port());
        assertThat(List.of(events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("CANCEL 200", "INVITE 487");
        String ack = nextNonRetransmission(cancel);
        assertThat(ack).startsWith("ACK sip:peer@127.0.0.1:").contains(via).contains("tag=p1").contains("CSeq: 1 ACK");
    }

    @Test
    void resendsA2xxToInviteUntilTheAckAndPassesTheAckUp() throws Exception {
        String invite = RawPeer.options("z9hG4bK-ok1", peer.port(), "UDP").replace("OPTIONS", "INVITE")
                .replace("sip:ping@", "sip:answer@");
        peer.send(invite, stack.port());
        String ok = peer.receive();
        assertThat(ok).startsWith("SIP/2.0 200 OK");
        assertThat(peer.receive()).isEqualTo(ok); // §13.3.1.4 resend at T1 = 50 ms
        String toWithTag = ok.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        String ack = invite.replace("INVITE sip", "ACK sip").replace("1 INVITE", "1 ACK")
                .replace("branch=z9hG4bK-ok1;", "branch=z9hG4bK-ok1-ack;").replace("To: <sip:answer@127.0.0.1>", toWithTag);
        peer.send(ack, stack.port());
        assertThat(acks.poll(5, TimeUnit.SECONDS)).isEqualTo("z9hG4bK-ok1@test");
        while (peer.receive(300).isPresent()) {
            // drain 2xx resends already in flight; none may come 300 ms after the ACK
        }
        assertThat(peer.receive(300)).isEmpty();
    }

    @Test
    void answersOverANewConnectionToTheSentByPortWhenTheRequestsConnectionClosed() throws Exception {
        try (java.net.ServerSocket phone = new java.net.ServerSocket(0, 5, LOOPBACK)) {
            try (Socket tcp = new Socket(LOOPBACK, stack.port())) {
                String request = RawPeer.options("z9hG4bK-late", phone.getLocalPort(), "TCP").replace("sip:ping@", "sip:late@");
                tcp.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                assertThat(requests.poll(5, TimeUnit.SECONDS)).isNotNull();
            } // the phone hangs up its connection before the answer is ready (§18.2.2)
            phone.setSoTimeout(5_000);
            try (Socket back = phone.accept()) {
                back.setSoTimeout(5_000);
                assertThat(RawPeer.readMessage(back)).startsWith("SIP/2.0 200 OK").contains("z9hG4bK-late");
            }
        }
    }

    /** Runs on a handler thread: waits (bounded) until the stack has no TCP connection left. */
    private void awaitNoConnections() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stack.connectionCount() > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** The next datagram that is not a repeat of {@code previous} (Timers A/E may fire meanwhile). */
    private String nextNonRetransmission(String previous) {
        while (true) {
            String next = peer.receive();
            if (!next.equals(previous) && !next.startsWith("INVITE ") && !next.startsWith("CANCEL ")
                    || next.startsWith("CANCEL ") && !previous.startsWith("CANCEL ")) {
                return next;
            }
        }
    }
}
