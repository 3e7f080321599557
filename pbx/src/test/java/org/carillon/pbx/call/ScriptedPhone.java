package org.carillon.pbx.call;

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
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A phone driven step by step from a test, for what SIPp scenarios cannot do: hold two dialogs at once and name one
 * in a request sent in the other (attended transfer's REFER with Replaces). UDP on loopback; calls out with digest
 * (407 answered by the stack's {@link DigestClient}); answers every request the PBX sends it (NOTIFY, BYE) with 200
 * and keeps it for the test to inspect. No RTP is sent: the SDP names a port nobody reads.
 */
final class ScriptedPhone implements AutoCloseable {

    /** One of our dialogs with the PBX, as the phone sees it. */
    record Dialog(String callId, String localTag, String remoteTag, String remoteTarget, String toUri) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress pbx;
    private final String number;
    private final String username;
    private final String password;
    private final LinkedBlockingQueue<SipResponse> responses = new LinkedBlockingQueue<>();
    private final List<SipRequest> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private int cseq = 10;
    /** Send INVITEs without SDP (late offer): the PBX's 200 then carries its offer, answered in our ACK. */
    private boolean lateOffer;

    ScriptedPhone(int pbxPort, Calls.Ext ext) {
        try {
            this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.pbx = new InetSocketAddress(InetAddress.getLoopbackAddress(), pbxPort);
        this.number = ext.number();
        this.username = ext.username();
        this.password = ext.password();
        this.reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                SipMessage m = SipParser.wireDefault().parse(java.util.Arrays.copyOf(buf, p.getLength()));
                if (m instanceof SipResponse r) {
                    responses.add(r);
                } else if (m instanceof SipRequest r) {
                    if (!"ACK".equals(r.method())) {
                        send(new String(r.createResponse(200).toBytes(), StandardCharsets.UTF_8));
                    }
                    received.add(r);
                }
            } catch (IOException closed) {
                return;
            } catch (RuntimeException unparsable) {
                // not SIP: ignore
            }
        }
    }

    /** An INVITE on its way: what the dialog will be named by, and its (authenticated) CSeq. */
    private record Outgoing(String callId, String tag, String uri, int cseq) {
    }

    /** Sends an INVITE to {@code dialled}, takes the PBX's 407 (ACKed) and sends it again with credentials. */
    private Outgoing authenticatedInvite(String dialled) throws InterruptedException {
        String callId = UUID.randomUUID() + "@scripted";
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String uri = "sip:" + dialled + "@127.0.0.1:" + pbx.getPort();
        int first = cseq++;
        send(invite(uri, callId, tag, first, Optional.empty()));
        SipResponse challenge = awaitFinal(callId);
        if (challenge.statusCode() != 407) {
            throw new AssertionError("expected 407, got " + challenge.statusCode());
        }
        send(ack(uri, callId, tag, first, challenge));
        DigestChallenge c = DigestClient.pick(challenge.headers().all(HeaderName.PROXY_AUTHENTICATE)).orElseThrow();
        String auth = new DigestClient(username, password).authorization(c, "INVITE", uri);
        int second = cseq++;
        send(invite(uri, callId, tag, second, Optional.of(auth)));
        return new Outgoing(callId, tag, uri, second);
    }

    /** Calls {@code dialled} (digest-authenticated) and returns the dialog once it is answered and acknowledged. */
    Dialog call(String dialled) throws InterruptedException {
        Outgoing out = authenticatedInvite(dialled);
        SipResponse ok = awaitFinal(out.callId());
        if (ok.statusCode() != 200) {
            throw new AssertionError("call to " + dialled + " ended " + ok.statusCode());
        }
        String target = ok.contacts().addresses().getFirst().uri().toString();
        Dialog d = new Dialog(out.callId(), out.tag(), ok.to().tag().orElseThrow(), target, out.uri());
        send(inDialog("ACK", d, out.cseq(), List.of()));
        return d;
    }

    /**
     * Calls {@code dialled} with an INVITE without SDP; the PBX's 200 must carry an offer, which the ACK answers with
     * {@code answer} (PCMU on a port, or empty for an ACK without any answer).
     *
     * @return the dialog and the PBX's offer
     */
    Map.Entry<Dialog, String> callWithoutOffer(String dialled, Optional<String> answer) throws InterruptedException {
        lateOffer = true;
        Outgoing out;
        try {
            out = authenticatedInvite(dialled);
        } finally {
            lateOffer = false;
        }
        SipResponse ok = awaitFinal(out.callId());
        if (ok.statusCode() != 200) {
            throw new AssertionError("call to " + dialled + " ended " + ok.statusCode());
        }
        String target = ok.contacts().addresses().getFirst().uri().toString();
        Dialog d = new Dialog(out.callId(), out.tag(), ok.to().tag().orElseThrow(), target, out.uri());
        List<String> body = answer.map(a -> List.of("Content-Type: application/sdp", "Content-Length: "
                + a.length() + "\r\n\r\n" + a)).orElse(List.of());
        send(inDialog("ACK", d, out.cseq(), body));
        return Map.entry(d, new String(ok.body(), StandardCharsets.US_ASCII));
    }

    /** Calls {@code dialled} and returns once it rings (a 180 with the PBX's tag): the early dialog, not answered. */
    Dialog ringing(String dialled) throws InterruptedException {
        Outgoing out = authenticatedInvite(dialled);
        SipResponse ringing = await(r -> r.callId().equals(out.callId()) && r.statusCode() == 180
                && r.to().tag().isPresent(), "180 for " + dialled);
        return new Dialog(out.callId(), out.tag(), ringing.to().tag().orElseThrow(), out.uri(), out.uri());
    }

    /** REFER in {@code in} to {@code target}, naming {@code replaced} in a Replaces; returns its final response. */
    SipResponse referReplacing(Dialog in, String target, Dialog replaced) throws InterruptedException {
        String replaces = replaced.callId() + ";to-tag=" + replaced.remoteTag() + ";from-tag=" + replaced.localTag();
        String escaped = replaces.replace("%", "%25").replace("@", "%40").replace(";", "%3B").replace("=", "%3D");
        int n = cseq++;
        send(inDialog("REFER", in, n, List.of("Refer-To: <sip:" + target + "@127.0.0.1?Replaces=" + escaped + ">",
                "Referred-By: <sip:" + number + "@127.0.0.1>")));
        return await(r -> r.callId().equals(in.callId()) && r.cseq().number() == n && r.statusCode() >= 200,
                "REFER response");
    }

    /** Waits for a request the PBX sent in {@code dialog} (it was answered 200 already). */
    SipRequest awaitRequest(String method, Dialog dialog, Predicate<SipRequest> also, Duration within)
            throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            for (SipRequest r : received) {
                if (r.method().equals(method) && r.callId().equals(dialog.callId()) && also.test(r)) {
                    return r;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no " + method + " in " + dialog.callId() + "; received " + received.stream()
                .map(r -> r.method() + " " + r.callId()).toList());
    }

    private SipResponse awaitFinal(String callId) throws InterruptedException {
        return await(r -> r.callId().equals(callId) && r.statusCode() >= 200, "final response in " + callId);
    }

    private SipResponse await(Predicate<SipResponse> wanted, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            SipResponse r = responses.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && wanted.test(r)) {
                return r;
            }
        }
        throw new AssertionError("no " + what);
    }

    private String via() {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";rport;branch=z9hG4bK"
                + UUID.randomUUID().toString().replace("-", "");
    }

    private String contact() {
        return "Contact: <sip:" + number + "@127.0.0.1:" + socket.getLocalPort() + ">";
    }

    /** PCMU on {@code port} (9, the discard port, when nothing is to be received). */
    static String sdp(int port) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    private String invite(String uri, String callId, String tag, int n, Optional<String> auth) {
        String body = lateOffer ? "" : sdp(9);
        return "INVITE " + uri + " SIP/2.0\r\n" + via() + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:" + number + "@127.0.0.1>;tag=" + tag + "\r\nTo: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + n + " INVITE\r\n" + contact() + "\r\n"
                + auth.map(a -> "Proxy-Authorization: " + a + "\r\n").orElse("")
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** The ACK for a non-2xx final response: same branch as the INVITE (RFC 3261 §17.1.1.3). */
    private String ack(String uri, String callId, String tag, int n, SipResponse answered) {
        return "ACK " + uri + " SIP/2.0\r\nVia: " + answered.headers().first(HeaderName.VIA).orElseThrow()
                + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:" + number + "@127.0.0.1>;tag=" + tag + "\r\nTo: "
                + answered.headers().first(HeaderName.TO).orElseThrow() + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + n + " ACK\r\nContent-Length: 0\r\n\r\n";
    }

    private String inDialog(String method, Dialog d, int n, List<String> extra) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(d.remoteTarget()).append(" SIP/2.0\r\n")
                .append(via()).append("\r\nMax-Forwards: 70\r\n")
                .append("From: <sip:").append(number).append("@127.0.0.1>;tag=").append(d.localTag()).append("\r\n")
                .append("To: <").append(d.toUri()).append(">;tag=").append(d.remoteTag()).append("\r\n")
                .append("Call-ID: ").append(d.callId()).append("\r\nCSeq: ").append(n).append(' ').append(method)
                .append("\r\n").append(contact()).append("\r\n");
        extra.forEach(h -> sb.append(h).append("\r\n"));
        if (extra.stream().anyMatch(h -> h.startsWith("Content-Length:"))) {
            return sb.substring(0, sb.length() - 2); // the last extra line ended the headers and carried the body
        }
        return sb.append("Content-Length: 0\r\n\r\n").toString();
    }

    private void send(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(b, b.length, pbx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
        reader.interrupt();
    }
}
