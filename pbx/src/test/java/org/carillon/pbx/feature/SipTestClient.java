package org.carillon.pbx.feature;

import org.carillon.sip.auth.DigestChallenge;
import org.carillon.sip.auth.DigestClient;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tiny SIP UA over UDP on loopback for the registrar tests: sends hand-written REGISTERs, answers the 401 with the
 * stack's own {@link DigestClient} (which picks SHA-256 when offered), and can read requests sent to it (keep-alive
 * OPTIONS). Responses to requests it receives are written by hand.
 */
public final class SipTestClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String callId = UUID.randomUUID() + "@test";
    private int cseq = 1;

    public SipTestClient(int serverPort) {
        try {
            this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            this.socket.setSoTimeout(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** {@code sip:<user>@127.0.0.1:<local port>}: a contact that names this socket. */
    public String ownContact(String user) {
        return "sip:" + user + "@127.0.0.1:" + localPort();
    }

    /** One REGISTER (no credentials) and its final response. */
    public SipResponse registerOnce(String number, List<String> contactHeaders, Optional<Long> expires,
                                    List<String> extraHeaders) {
        return exchange(registerText(number, contactHeaders, expires, extraHeaders, Optional.empty()));
    }

    /** REGISTER with digest: the first answer is expected to be a 401, answered with {@code username/password}. */
    public SipResponse register(String number, String username, String password, List<String> contactHeaders,
                                Optional<Long> expires, List<String> extraHeaders) {
        SipResponse first = registerOnce(number, contactHeaders, expires, extraHeaders);
        if (first.statusCode() != 401) {
            return first;
        }
        DigestChallenge challenge = DigestClient.pick(first.headers().all(HeaderName.WWW_AUTHENTICATE)).orElseThrow();
        lastChallenge = challenge;
        String auth = new DigestClient(username, password).authorization(challenge, "REGISTER", requestUri());
        return exchange(registerText(number, contactHeaders, expires, extraHeaders, Optional.of(auth)));
    }

    private DigestChallenge lastChallenge;

    /** The challenge answered by the last {@link #register}. */
    public DigestChallenge lastChallenge() {
        return lastChallenge;
    }

    public SipResponse register(String number, String username, String password, long expires) {
        return register(number, username, password, List.of("<" + ownContact(number) + ">"), Optional.of(expires),
                List.of());
    }

    private String requestUri() {
        return "sip:127.0.0.1:" + server.getPort();
    }

    private String registerText(String number, List<String> contacts, Optional<Long> expires, List<String> extra,
                                Optional<String> authorization) {
        StringBuilder sb = new StringBuilder();
        sb.append("REGISTER ").append(requestUri()).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/UDP 127.0.0.1:").append(localPort()).append(";rport;branch=z9hG4bK")
                .append(UUID.randomUUID().toString().replace("-", "")).append("\r\n");
        sb.append("Max-Forwards: 70\r\n");
        sb.append("From: <sip:").append(number).append("@127.0.0.1>;tag=t").append(localPort()).append("\r\n");
        sb.append("To: <sip:").append(number).append("@127.0.0.1>\r\n");
        sb.append("Call-ID: ").append(callId).append("\r\n");
        sb.append("CSeq: ").append(cseq++).append(" REGISTER\r\n");
        for (String c : contacts) {
            sb.append("Contact: ").append(c).append("\r\n");
        }
        expires.ifPresent(e -> sb.append("Expires: ").append(e).append("\r\n"));
        authorization.ifPresent(a -> sb.append("Authorization: ").append(a).append("\r\n"));
        for (String h : extra) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    /** Sends {@code text} and returns the first final response (provisionals skipped). */
    public SipResponse exchange(String text) {
        send(text);
        while (true) {
            SipMessage m = receive().orElseThrow(() -> new AssertionError("no response to\n" + text));
            if (m instanceof SipResponse r && r.statusCode() >= 200) {
                return r;
            }
        }
    }

    public void send(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(b, b.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message that arrives within 5 s. */
    public Optional<SipMessage> receive() {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
            return Optional.of(SipParser.wireDefault().parse(java.util.Arrays.copyOf(buf, p.getLength())));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a request (e.g. a keep-alive OPTIONS) and answers it {@code status} when {@code status > 0}. */
    public SipRequest awaitRequest(int status) {
        while (true) {
            SipMessage m = receive().orElseThrow(() -> new AssertionError("no request arrived"));
            if (m instanceof SipRequest r) {
                if (status > 0) {
                    SipResponse resp = r.createResponse(status);
                    byte[] b = resp.toBytes();
                    try {
                        socket.send(new DatagramPacket(b, b.length, server));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return r;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
