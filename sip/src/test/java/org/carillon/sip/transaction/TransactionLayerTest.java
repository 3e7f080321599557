package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.carillon.sip.clock.FakeScheduler;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

class TransactionLayerTest {

    private static final Flow PEER = new Flow(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060));

    private final FakeScheduler clock = new FakeScheduler();
    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger retransmissions = new AtomicInteger();
    private final TransactionLayer layer = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
            (bytes, flow, retransmission, onFailure) -> sent.add(firstLine(bytes)), retransmissions::incrementAndGet),
            (tx, timeout) -> sent.add("failed timeout=" + timeout));

    private static String firstLine(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.substring(0, s.indexOf('\r'));
    }

    static SipRequest request(String method, String branch, String sentBy, String extra) {
        String text = method + " sip:bob@192.0.2.2 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@192.0.2.1>;tag=from1\r\n"
                + "To: <sip:bob@192.0.2.2>" + extra + "\r\n"
                + "Call-ID: call-1@192.0.2.1\r\n"
                + "CSeq: 1 " + (method.equals("CANCEL") || method.equals("ACK") ? method : method) + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.wireDefault().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private RequestDisposition receive(SipRequest r) {
        return layer.onRequest(r, PEER, PEER);
    }

    private ServerTransaction newTransaction(SipRequest r) {
        return ((RequestDisposition.NewRequest) receive(r)).transaction();
    }

    @Test
    void matchesARetransmissionByBranchSentByAndMethod() {
        ServerTransaction tx = newTransaction(request("OPTIONS", "z9hG4bK1", "192.0.2.1:5060", ""));
        assertThat(receive(request("OPTIONS", "z9hG4bK1", "192.0.2.1:5060", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(retransmissions).hasValue(1);
        assertThat(receive(request("OPTIONS", "z9hG4bK1", "192.0.2.9:5060", ";tag=in-dialog")))
                .as("other sent-by").isInstanceOf(RequestDisposition.NewRequest.class);
        assertThat(tx.key()).isEqualTo(ServerKey.of("z9hG4bK1", "192.0.2.1:5060", "OPTIONS"));
    }

    @Test
    void matchesRfc2543RequestsWithoutTheCookie() {
        newTransaction(request("OPTIONS", "oldstyle", "192.0.2.1", ""));
        assertThat(receive(request("OPTIONS", "oldstyle", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
    }

    @Test
    void resendsTheFinalResponseToARetransmittedRequest() {
        ServerTransaction tx = newTransaction(request("REGISTER", "z9hG4bK2", "192.0.2.1", ""));
        tx.respond(200);
        receive(request("REGISTER", "z9hG4bK2", "192.0.2.1", ""));
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK");
    }

    @Test
    void aCompletedNonInviteOverUdpLeavesTheTableButItsRetransmissionsAreAnsweredUntilTimerJ() {
        SipRequest register = request("REGISTER", "z9hG4bKj1", "192.0.2.1", "");
        ServerTransaction tx = newTransaction(register);
        tx.respond(200);
        // the transaction itself is released at once: only the key, the response and the flow stay (§17.2.2)
        assertThat(layer.findServer(tx.key())).isEmpty();
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(layer.serverCount()).as("still live until Timer J").isOne();
        clock.advance(Duration.ofMillis(31_999));
        assertThat(receive(request("REGISTER", "z9hG4bKj1", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK");
        assertThat(retransmissions).hasValue(1);
        clock.advance(Duration.ofMillis(1)); // Timer J, 64·T1
        assertThat(layer.serverCount()).isZero();
        assertThat(receive(request("REGISTER", "z9hG4bKj1", "192.0.2.1", "")))
                .isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void aMergedRequestAfterTheFirstCompletedStillGets482UntilTimerJ() {
        newTransaction(request("OPTIONS", "z9hG4bKm1", "192.0.2.1", "")).respond(200);
        assertThat(receive(request("OPTIONS", "z9hG4bKm2", "192.0.2.5", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 482 Loop Detected");
        clock.advance(Duration.ofSeconds(33));
        assertThat(receive(request("OPTIONS", "z9hG4bKm3", "192.0.2.5", "")))
                .isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void aCompletedNonInviteOverTcpEndsWithoutBeingKept() {
        Flow tcp = new Flow(Transport.TCP, new InetSocketAddress("192.0.2.1", 5060));
        ServerTransaction tx = ((RequestDisposition.NewRequest) layer.onRequest(
                request("REGISTER", "z9hG4bKt1", "192.0.2.1", ""), tcp, tcp)).transaction();
        tx.respond(200);
        assertThat(layer.serverCount()).isZero();
    }

    @Test
    void anAckToAFailureMatchesTheInviteTransactionAndConfirmsIt() {
        ServerTransaction tx = newTransaction(request("INVITE", "z9hG4bK3", "192.0.2.1", ""));
        tx.respond(486);
        assertThat(receive(request("ACK", "z9hG4bK3", "192.0.2.1", ";tag=x"))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        // over UDP, Confirmed (§17.2.1) is the layer's from here, by key: the machine ended
        assertThat(tx.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(layer.serverCount()).isOne();
        clock.advance(Duration.ofSeconds(5));
        assertThat(layer.serverCount()).isZero();
    }

    @Test
    void anAckToA2xxGoesToTheTu() {
        ServerTransaction tx = newTransaction(request("INVITE", "z9hG4bK4", "192.0.2.1", ""));
        tx.respond(200);
        assertThat(receive(request("ACK", "z9hG4bK4-ack", "192.0.2.1", ";tag=x")))
                .isInstanceOf(RequestDisposition.Ack.class);
    }

    @Test
    void aCancelStopsTheInviteWith487AndIsAnswered200() {
        ServerTransaction invite = newTransaction(request("INVITE", "z9hG4bK5", "192.0.2.1", ""));
        RequestDisposition d = receive(request("CANCEL", "z9hG4bK5", "192.0.2.1", ""));
        assertThat(d).isEqualTo(new RequestDisposition.Cancelled(invite));
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated");
        assertThat(invite.state()).isEqualTo(TransactionState.COMPLETED);
    }

    @Test
    void aCancelAfterTheAnswerOnlyGets200() {
        ServerTransaction invite = newTransaction(request("INVITE", "z9hG4bK6", "192.0.2.1", ""));
        invite.respond(200);
        assertThat(receive(request("CANCEL", "z9hG4bK6", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK");
    }

    @Test
    void aCancelMatchingNothingGets481() {
        assertThat(receive(request("CANCEL", "z9hG4bK7", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 481 Call/Transaction Does Not Exist");
    }

    @Test
    void aMergedRequestGets482() {
        newTransaction(request("INVITE", "z9hG4bK8a", "192.0.2.1", ""));
        assertThat(receive(request("INVITE", "z9hG4bK8b", "192.0.2.5", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 482 Loop Detected");
    }

    @Test
    void aRequestInsideADialogIsNeverTreatedAsMerged() {
        newTransaction(request("BYE", "z9hG4bK9a", "192.0.2.1", ";tag=to1"));
        assertThat(receive(request("BYE", "z9hG4bK9b", "192.0.2.5", ";tag=to1")))
                .isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void matchesResponsesToClientTransactionsByBranchAndCseqMethod() {
        List<String> heard = new ArrayList<>();
        SipRequest invite = request("INVITE", "z9hG4bKc1", "192.0.2.2", "");
        layer.send(invite, PEER, new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                heard.add(Integer.toString(response.statusCode()));
            }

            @Override
            public void onTimeout() {
                heard.add("timeout");
            }

            @Override
            public void onTransportError() {
                heard.add("transport");
            }
        });
        SipResponse cancelResponse = request("CANCEL", "z9hG4bKc1", "192.0.2.2", "").createResponse(200);
        assertThat(layer.onResponse(cancelResponse)).as("CSeq method differs").isFalse();
        SipResponse busy = invite.createResponse(486);
        busy.setTo(busy.to().withTag("t"));
        assertThat(layer.onResponse(busy)).isTrue();
        assertThat(heard).containsExactly("486");
        assertThat(sent).containsExactly("INVITE sip:bob@192.0.2.2 SIP/2.0", "ACK sip:bob@192.0.2.2 SIP/2.0");
    }

    @Test
    void refusesNewRequestsBeyondTheTransactionLimitButStillAbsorbsRetransmissions() {
        TransactionLayer small = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
                (bytes, flow, retransmission, onFailure) -> { }, () -> { }, 2), (tx, timeout) -> { });
        small.onRequest(request("OPTIONS", "z9hG4bKo1", "192.0.2.1", ";tag=a"), PEER, PEER);
        small.onRequest(request("OPTIONS", "z9hG4bKo2", "192.0.2.1", ";tag=b"), PEER, PEER);
        assertThat(small.onRequest(request("OPTIONS", "z9hG4bKo3", "192.0.2.1", ";tag=c"), PEER, PEER))
                .isEqualTo(RequestDisposition.Overloaded.INSTANCE);
        assertThat(small.onRequest(request("OPTIONS", "z9hG4bKo1", "192.0.2.1", ";tag=a"), PEER, PEER))
                .isEqualTo(RequestDisposition.Handled.INSTANCE);
    }

    @Test
    void beyondTheBoundTheOldestCompletedTransactionIsForgottenInsteadOfRefusingNewRequests() {
        TransactionLayer small = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
                (bytes, flow, retransmission, onFailure) -> sent.add(firstLine(bytes)), () -> { }, 2),
                (tx, timeout) -> { });
        for (String branch : List.of("z9hG4bKe1", "z9hG4bKe2", "z9hG4bKe3")) {
            RequestDisposition d = small.onRequest(request("OPTIONS", branch, "192.0.2.1", ";tag=" + branch), PEER, PEER);
            assertThat(d).as(branch).isInstanceOf(RequestDisposition.NewRequest.class);
            ((RequestDisposition.NewRequest) d).transaction().respond(200);
        }
        assertThat(small.serverCount()).isEqualTo(2);
        assertThat(small.onRequest(request("OPTIONS", "z9hG4bKe3", "192.0.2.1", ";tag=z9hG4bKe3"), PEER, PEER))
                .isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(small.onRequest(request("OPTIONS", "z9hG4bKe1", "192.0.2.1", ";tag=z9hG4bKe1"), PEER, PEER))
                .as("the oldest was dropped early").isInstanceOf(RequestDisposition.NewRequest.class);
    }
}
