package org.carillon.media.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The smallest SIP UAS the interop test needs, on a plain UDP socket (127.0.0.1, OS-chosen port) with string
 * templates — the media module must not depend on the sip module. It answers one INVITE with 200 OK and the
 * SDP body the test makes from the offer, takes the ACK, and answers BYE with 200 (RFC 3261 §8.2.6: the
 * response copies Via, From, Call-ID and CSeq, and To with our tag). Retransmitted requests get the same
 * answer again. Not a SIP stack: no 100 Trying, no timers, no other methods.
 */
final class SipResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final UnaryOperator<String> answerSdp;
    private final Thread thread;
    private final CompletableFuture<String> offer = new CompletableFuture<>();
    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    private final CompletableFuture<Void> bye = new CompletableFuture<>();
    private final List<String> log = new ArrayList<>();
    private String answer;

    /** @param answerSdp turns the INVITE's SDP offer into the SDP answer (called once, on the responder thread) */
    SipResponder(UnaryOperator<String> answerSdp) {
        this.answerSdp = answerSdp;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().daemon().name("sip-responder").start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Completes with the INVITE's body. */
    CompletableFuture<String> offer() {
        return offer;
    }

    CompletableFuture<Void> acked() {
        return acked;
    }

    /** Completes once a BYE was answered. */
    CompletableFuture<Void> bye() {
        return bye;
    }

    /** The start lines seen, for failure messages. */
    synchronized String log() {
        return String.join(" | ", log);
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                handle(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8), packet.getSocketAddress());
            } catch (IOException | RuntimeException e) {
                if (!socket.isClosed()) {
                    offer.completeExceptionally(e);
                    bye.completeExceptionally(e);
                }
                return;
            }
        }
    }

    private void handle(String message, java.net.SocketAddress from) throws IOException {
        int blank = message.indexOf("\r\n\r\n");
        String head = blank < 0 ? message : message.substring(0, blank);
        String body = blank < 0 ? "" : message.substring(blank + 4);
        String[] lines = head.split("\r\n");
        synchronized (this) {
            log.add(lines[0]);
        }
        String method = lines[0].substring(0, lines[0].indexOf(' '));
        switch (method) {
            case "INVITE" -> {
                if (answer == null) {
                    answer = answerSdp.apply(body);
                    offer.complete(body);
                }
                reply(lines, answer, from);
            }
            case "ACK" -> acked.complete(null);
            case "BYE" -> {
                reply(lines, "", from);
                bye.complete(null);
            }
            default -> { } // SIPp's scenarios send nothing else
        }
    }

    private void reply(String[] request, String sdp, java.net.SocketAddress to) throws IOException {
        var r = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" -> r.append(line).append("\r\n");
                case "to", "t" -> r.append(line).append(line.contains(";tag=") ? "" : ";tag=carillon-it").append("\r\n");
                default -> { }
            }
        }
        r.append("Contact: <sip:carillon@127.0.0.1:").append(port()).append(">\r\n");
        if (!sdp.isEmpty()) {
            r.append("Content-Type: application/sdp\r\n");
        }
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        r.append("Content-Length: ").append(body.length).append("\r\n\r\n").append(sdp);
        byte[] bytes = r.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
