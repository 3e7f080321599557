package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carillon.sip.transaction.TransactionLayerTest.request;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.carillon.sip.clock.FakeScheduler;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

/** RFC 6026's Accepted state at the transaction layer: INVITE server (§7.1, Timer L) and client (§7.2, Timer M). */
class AcceptedStateTest {

    private static final Flow PEER = new Flow(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060));

    private final FakeScheduler clock = new FakeScheduler();
    private final List<String> sent = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicInteger retransmissions = new AtomicInteger();
    private final TransactionLayer layer = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
            (bytes, flow, retransmission, onFailure) -> sent.add(firstLine(bytes) + (retransmission ? " (again)" : "")),
            retransmissions::incrementAndGet), (tx, timeout) -> failures.add("failed timeout=" + timeout));

    private static String firstLine(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.substring(0, s.indexOf('\r'));
    }

    private RequestDisposition receive(SipRequest r) {
        return layer.onRequest(r, PEER, PEER);
    }

    private ServerTransaction answered(String branch) {
        ServerTransaction tx = ((RequestDisposition.NewRequest) receive(request("INVITE", branch, "192.0.2.1", "")))
                .transaction();
        tx.respond(200);
        sent.clear();
        return tx;
    }

    @Test
    void aRetransmittedInviteIsAbsorbedUntilTimerLThenIsANewRequest() {
        answered("z9hG4bKa1");
        clock.advance(Duration.ofMillis(31_999));
        assertThat(receive(request("INVITE", "z9hG4bKa1", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).as("absorbed: the UAS core, not the transaction, resends the 2xx").isEmpty();
        assertThat(retransmissions).hasValue(1);
        assertThat(layer.serverCount()).isOne();
        clock.advance(Duration.ofMillis(1)); // Timer L, 64·T1
        assertThat(layer.serverCount()).isZero();
        assertThat(receive(request("INVITE", "z9hG4bKa1", "192.0.2.1", "")))
                .isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void theTusOwn2xxRetransmissionsAreSentWhileAccepted() {
        ServerTransaction tx = answered("z9hG4bKa2");
        SipResponse ok = tx.request().createResponse(200, Optional.of("t1"));
        clock.advance(Duration.ofMillis(500));
        tx.respond(ok);
        clock.advance(Duration.ofSeconds(1));
        tx.respond(ok);
        assertThat(sent).containsExactly("SIP/2.0 200 OK (again)", "SIP/2.0 200 OK (again)");
    }

    @Test
    void anAckMatchingTheAcceptedTransactionAndOneWithItsOwnBranchBothGoToTheTu() {
        answered("z9hG4bKa3");
        assertThat(receive(request("ACK", "z9hG4bKa3", "192.0.2.1", ";tag=t"))).isInstanceOf(RequestDisposition.Ack.class);
        assertThat(receive(request("ACK", "z9hG4bKa3-ack", "192.0.2.1", ";tag=t"))).isInstanceOf(RequestDisposition.Ack.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void aCancelWhileAcceptedGets200AndNoTimerLEndsItWith481() {
        answered("z9hG4bKa4");
        assertThat(receive(request("CANCEL", "z9hG4bKa4", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        clock.advance(Duration.ofSeconds(33));
        assertThat(receive(request("CANCEL", "z9hG4bKa4", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 200 OK", "SIP/2.0 481 Call/Transaction Does Not Exist");
    }

    @Test
    void aMergedInviteWhileAcceptedGets482UntilTimerL() {
        answered("z9hG4bKa5");
        assertThat(receive(request("INVITE", "z9hG4bKa5-fork", "192.0.2.7", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).containsExactly("SIP/2.0 482 Loop Detected");
        clock.advance(Duration.ofSeconds(33));
        assertThat(receive(request("INVITE", "z9hG4bKa5-later", "192.0.2.7", "")))
                .isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void noFailureIsReportedWhenTimerLEnds() {
        answered("z9hG4bKa6");
        clock.advance(Duration.ofMinutes(2));
        assertThat(failures).isEmpty();
        assertThat(layer.serverCount()).isZero();
    }

    @Test
    void anAcceptedServerTransactionLeavesTheLiveTableAtOnce() {
        ServerTransaction tx = answered("z9hG4bKa7");
        // only the key (and the merge key) stay for Timer L: the request, the machine and its timers are released
        assertThat(layer.findServer(tx.key())).isEmpty();
        assertThat(layer.serverCount()).isOne();
    }

    @Test
    void confirmedAbsorbsRetransmittedAcksAndInvitesUntilTimerI() {
        ServerTransaction tx = ((RequestDisposition.NewRequest) receive(request("INVITE", "z9hG4bKi1", "192.0.2.1", "")))
                .transaction();
        tx.respond(407);
        assertThat(receive(request("ACK", "z9hG4bKi1", "192.0.2.1", ";tag=x"))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        sent.clear();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(receive(request("ACK", "z9hG4bKi1", "192.0.2.1", ";tag=x"))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(receive(request("INVITE", "z9hG4bKi1", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(receive(request("CANCEL", "z9hG4bKi1", "192.0.2.1", ""))).isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(sent).as("nothing resent while Confirmed; the CANCEL matched").containsExactly("SIP/2.0 200 OK");
        assertThat(layer.findServer(tx.key())).as("only the key is kept").isEmpty();
        assertThat(layer.serverCount()).as("the Confirmed INVITE and the completed CANCEL").isEqualTo(2);
        clock.advance(Duration.ofMillis(1)); // Timer I, T4
        assertThat(layer.serverCount()).as("the CANCEL, until its Timer J").isOne();
        assertThat(receive(request("ACK", "z9hG4bKi1", "192.0.2.1", ";tag=x"))).isInstanceOf(RequestDisposition.Ack.class);
        assertThat(receive(request("INVITE", "z9hG4bKi1", "192.0.2.1", ""))).isInstanceOf(RequestDisposition.NewRequest.class);
        assertThat(failures).isEmpty();
    }

    @Test
    void confirmedOverTcpEndsAtOnceAsTimerIIsZero() {
        Flow tcp = new Flow(Transport.TCP, new InetSocketAddress("192.0.2.1", 5060));
        ServerTransaction tx = ((RequestDisposition.NewRequest) layer.onRequest(
                request("INVITE", "z9hG4bKi2", "192.0.2.1", ""), tcp, tcp)).transaction();
        tx.respond(486);
        layer.onRequest(request("ACK", "z9hG4bKi2", "192.0.2.1", ";tag=x"), tcp, tcp);
        assertThat(layer.serverCount()).isZero();
    }

    @Test
    void beyondTheBoundTheOldestAcceptedInviteIsForgottenFirst() {
        TransactionLayer small = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
                (bytes, flow, retransmission, onFailure) -> { }, () -> { }, 2), (tx, timeout) -> { });
        for (String branch : List.of("z9hG4bKb1", "z9hG4bKb2", "z9hG4bKb3")) { // re-INVITEs: no merge key
            ((RequestDisposition.NewRequest) small.onRequest(request("INVITE", branch, "192.0.2.1", ";tag=" + branch),
                    PEER, PEER)).transaction().respond(200);
        }
        assertThat(small.serverCount()).isEqualTo(2);
        assertThat(small.onRequest(request("INVITE", "z9hG4bKb3", "192.0.2.1", ";tag=z9hG4bKb3"), PEER, PEER))
                .isEqualTo(RequestDisposition.Handled.INSTANCE);
        assertThat(small.onRequest(request("INVITE", "z9hG4bKb1", "192.0.2.1", ";tag=z9hG4bKb1"), PEER, PEER))
                .as("the oldest was dropped early").isInstanceOf(RequestDisposition.NewRequest.class);
    }

    @Test
    void aClientPassesRetransmitted2xxUpUntilTimerMThenTheyAreStrays() {
        List<String> heard = new ArrayList<>();
        SipRequest invite = request("INVITE", "z9hG4bKc1", "192.0.2.2", "");
        layer.send(invite, PEER, listener(heard));
        SipResponse ok = invite.createResponse(200);
        ok.setTo(ok.to().withTag("t"));
        assertThat(layer.onResponse(ok)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(layer.onResponse(ok)).isTrue();
        SipResponse other = invite.createResponse(200);
        other.setTo(other.to().withTag("forked"));
        assertThat(layer.onResponse(other)).as("a 2xx from another fork also goes up").isTrue();
        assertThat(layer.clientCount()).isOne();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(layer.onResponse(ok)).isTrue();
        clock.advance(Duration.ofMillis(1)); // Timer M, 64·T1 after the first 2xx
        assertThat(layer.clientCount()).isZero();
        assertThat(layer.onResponse(ok)).as("after Timer M: a stray for the TU").isFalse();
        assertThat(heard).containsExactly("200 t", "200 t", "200 forked", "200 t");
        assertThat(sent).containsExactly("INVITE sip:bob@192.0.2.2 SIP/2.0");
    }

    @Test
    void anAcceptedClientTransactionLeavesTheLiveTableAtOnce() {
        SipRequest invite = request("INVITE", "z9hG4bKc3", "192.0.2.2", "");
        ClientTransaction tx = layer.send(invite, PEER, listener(new ArrayList<>()));
        SipResponse ok = invite.createResponse(200);
        ok.setTo(ok.to().withTag("t"));
        layer.onResponse(ok);
        // only the key and the listener stay for Timer M: the INVITE, its bytes and the machine are released
        assertThat(layer.findClient(tx.key())).isEmpty();
        assertThat(layer.clientCount()).isOne();
    }

    @Test
    void aClientAbsorbsNon2xxResponsesWhileAccepted() {
        List<String> heard = new ArrayList<>();
        SipRequest invite = request("INVITE", "z9hG4bKc2", "192.0.2.2", "");
        layer.send(invite, PEER, listener(heard));
        SipResponse ok = invite.createResponse(200);
        ok.setTo(ok.to().withTag("t"));
        layer.onResponse(ok);
        SipResponse late = invite.createResponse(180);
        late.setTo(late.to().withTag("t"));
        assertThat(layer.onResponse(late)).isTrue();
        assertThat(heard).containsExactly("200 t");
    }

    private static ResponseListener listener(List<String> heard) {
        return new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                heard.add(response.statusCode() + " " + response.to().tag().orElse(""));
            }

            @Override
            public void onTimeout() {
                heard.add("timeout");
            }

            @Override
            public void onTransportError() {
                heard.add("transport");
            }
        };
    }
}
