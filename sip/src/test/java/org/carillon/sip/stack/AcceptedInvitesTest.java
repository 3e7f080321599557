package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carillon.sip.clock.FakeScheduler;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.RequestDisposition;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transaction.TransactionContext;
import org.carillon.sip.transaction.TransactionLayer;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

/** RFC 3261 §13.3.1.4: the UAS core resends a 2xx to INVITE until the ACK, for at most 64·T1. */
class AcceptedInvitesTest {

    private final FakeScheduler clock = new FakeScheduler();
    private final List<String> log = new ArrayList<>();
    private final AcceptedInvites accepted = new AcceptedInvites(clock, TimerConfig.DEFAULT,
            (bytes, flow) -> log.add("resend@" + clock.elapsed().toMillis()),
            tx -> log.add("no ACK@" + clock.elapsed().toMillis()));
    private final TransactionLayer layer = new TransactionLayer(new TransactionContext(clock, TimerConfig.DEFAULT,
            (bytes, flow, retransmission, onFailure) -> log.add("send@" + clock.elapsed().toMillis()), () -> { }),
            new TransactionLayer.Events() {
                @Override
                public void serverFailed(ServerTransaction tx, boolean timeout) {
                }

                @Override
                public void inviteAccepted(ServerTransaction tx, SipResponse response, byte[] bytes) {
                    accepted.start(tx, response, bytes);
                }
            });

    private static SipRequest parse(String method, String branch, String toTag) {
        String text = method + " sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=" + branch + "\r\n"
                + "From: <sip:a@x>;tag=f\r\nTo: <sip:bob@192.0.2.2>" + toTag + "\r\nCall-ID: c1\r\n"
                + "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.wireDefault().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private ServerTransaction invite(Transport transport) {
        Flow peer = new Flow(transport, new InetSocketAddress("192.0.2.1", 5060));
        return ((RequestDisposition.NewRequest) layer.onRequest(parse("INVITE", "z9hG4bKi", ""), peer, peer))
                .transaction();
    }

    private static SipResponse ok(ServerTransaction tx) {
        SipResponse r = tx.request().createResponse(200);
        r.setTo(r.to().withTag("uas"));
        return r;
    }

    @Test
    void resendsThe2xxAtT1DoublingToT2UntilTheAck() {
        ServerTransaction tx = invite(Transport.UDP);
        tx.respond(ok(tx));
        clock.advance(Duration.ofMillis(8_000));
        assertThat(accepted.onAck(parse("ACK", "z9hG4bKack", ";tag=uas"))).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(log).containsExactly("send@0", "resend@500", "resend@1500", "resend@3500", "resend@7500");
        assertThat(accepted.size()).isZero();
    }

    @Test
    void tellsTheTuWhenNoAckCameWithin64T1() {
        ServerTransaction tx = invite(Transport.UDP);
        tx.respond(ok(tx));
        clock.advance(Duration.ofSeconds(40));
        assertThat(log).filteredOn(s -> s.startsWith("resend")).hasSize(10);
        assertThat(log).last().isEqualTo("no ACK@32000");
        assertThat(accepted.onAck(parse("ACK", "z9hG4bKack", ";tag=uas"))).isFalse();
    }

    @Test
    void onlyWaitsForTheAckOnAReliableTransport() {
        ServerTransaction tx = invite(Transport.TCP);
        tx.respond(ok(tx));
        clock.advance(Duration.ofSeconds(40));
        assertThat(log).containsExactly("send@0", "no ACK@32000");
    }

    @Test
    void ignoresAnAckForAnotherDialog() {
        ServerTransaction tx = invite(Transport.UDP);
        tx.respond(ok(tx));
        assertThat(accepted.onAck(parse("ACK", "z9hG4bKack", ";tag=other"))).isFalse();
        assertThat(accepted.size()).isEqualTo(1);
    }
}
