package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.carillon.sip.clock.FakeScheduler;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transaction.RequestDisposition;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transaction.TransactionContext;
import org.carillon.sip.transaction.TransactionLayer;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

class TransactionExecutorsTest {

    private static final Flow PEER = new Flow(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060));
    private final Executor app = Runnable::run;
    private final TransactionExecutors executors = new TransactionExecutors(r -> app);
    private final TransactionLayer layer = new TransactionLayer(new TransactionContext(new FakeScheduler(),
            TimerConfig.DEFAULT, (b, f, r, e) -> { }, () -> { }), (tx, t) -> { });

    private ServerTransaction tx(String method, String branch) {
        String text = method + " sip:b@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=" + branch + "\r\n"
                + "From: <sip:a@x>;tag=f\r\nTo: <sip:b@y>;tag=t\r\nCall-ID: " + branch + "\r\nCSeq: 1 " + method
                + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        SipRequest r = (SipRequest) SipParser.wireDefault().parse(text.getBytes(StandardCharsets.UTF_8));
        return ((RequestDisposition.NewRequest) layer.onRequest(r, PEER, PEER)).transaction();
    }

    @Test
    void givesAnInviteOneSerialExecutorForItsWholeLife() {
        ServerTransaction invite = tx("INVITE", "z9hG4bKe1");
        Executor first = executors.of(invite);
        assertThat(first).isInstanceOf(SerialExecutor.class).isSameAs(executors.of(invite));
        executors.forget(invite);
        assertThat(executors.size()).isZero();
    }

    @Test
    void anEndedInviteGetsAnExecutorThatIsNotKept() {
        ServerTransaction invite = tx("INVITE", "z9hG4bKe3");
        executors.of(invite);
        invite.respond(200); // RFC 6026 Accepted is the layer's from here: the transaction itself has ended
        executors.forget(invite);
        // a later event (the 2xx never ACKed, or its send failed) still runs, without pinning an entry for good
        assertThat(executors.of(invite)).isNotNull();
        assertThat(executors.size()).isZero();
    }

    @Test
    void givesOtherRequestsTheSelectedExecutor() {
        assertThat(executors.of(tx("OPTIONS", "z9hG4bKe2"))).isSameAs(app);
        assertThat(executors.size()).isZero();
    }
}
