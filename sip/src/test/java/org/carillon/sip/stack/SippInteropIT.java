package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogState;
import org.carillon.sip.dialog.DialogUsage;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interop with SIPp 3.6 over the real transport: OPTIONS and REGISTER over UDP and TCP, a UAC
 * retransmitting while the application is still busy, and a retransmission after the answer.
 * Fails (does not skip) when sipp is missing.
 */
class SippInteropIT {

    private final AtomicInteger handled = new AtomicInteger();
    private SipStack stack;

    private void start(boolean waitForRetransmission) {
        stack = SipStack.start(StackConfig.defaults(RawPeer.LOOPBACK, 0), new SipHandler() {
            @Override
            public void onRequest(ServerTransaction tx) {
                handled.incrementAndGet();
                if (waitForRetransmission) {
                    awaitRetransmission();
                }
                tx.respond(tx.request().method().equals("INVITE") ? 486 : 200);
            }
        });
    }

    /** Runs on the handler's virtual thread: answer only once SIPp's retransmission was absorbed. */
    private void awaitRetransmission() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stack.counters().retransmissionsIn() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void answersSippOptionsOverUdp() throws Exception {
        start(false);
        Sipp.Result r = Sipp.run("options.xml", stack.port(), List.of("-m", "50", "-r", "100"));
        assertThat(r.succeeded()).as(r.output()).isTrue();
        assertThat(handled).hasValue(50);
        assertThat(stack.counters().parseFailures()).isZero();
        assertThat(stack.counters().internalErrors()).isZero();
    }

    @Test
    void answersSippRegisterOverUdp() throws Exception {
        start(false);
        Sipp.Result r = Sipp.run("register.xml", stack.port(), List.of("-m", "20", "-r", "100"));
        assertThat(r.succeeded()).as(r.output()).isTrue();
        assertThat(handled).hasValue(20);
    }

    @Test
    void answersSippOptionsAndRegisterOverTcp() throws Exception {
        start(false);
        Sipp.Result options = Sipp.run("options.xml", stack.port(), List.of("-t", "t1", "-m", "20", "-r", "100"));
        assertThat(options.succeeded()).as(options.output()).isTrue();
        Sipp.Result register = Sipp.run("register.xml", stack.port(), List.of("-t", "t1", "-m", "20", "-r", "100"));
        assertThat(register.succeeded()).as(register.output()).isTrue();
        assertThat(handled).hasValue(40);
        assertThat(stack.counters().transport().connectionsOpened()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void absorbsSippRetransmissionsWhileTheApplicationIsBusy() throws Exception {
        start(true);
        Sipp.Result r = Sipp.run("options.xml", stack.port(), List.of("-m", "1"));
        assertThat(r.succeeded()).as(r.output()).isTrue();
        assertThat(handled).as("the application saw the request once").hasValue(1);
        assertThat(stack.counters().retransmissionsIn()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void matchesSippsAckToTheInviteItRefused() throws Exception {
        start(false);
        Sipp.Result r = Sipp.run("invite_486.xml", stack.port(), List.of("-m", "5", "-r", "50"));
        assertThat(r.succeeded()).as(r.output()).isTrue();
        assertThat(handled).hasValue(5);
        assertThat(stack.counters().retransmissionsOut()).as("no Timer G resend after a prompt ACK").isZero();
    }

    @Test
    void placesACallToSippAndHangsUpThroughTheDialogLayer() throws Exception {
        start(false);
        int sippPort = Sipp.freeUdpPort();
        Sipp.Uas uas = Sipp.startUas(sippPort);
        SipRequest invite = SipRequest.create(SipMethod.INVITE, Uri.parse("sip:service@127.0.0.1:" + sippPort));
        invite.setFrom(Address.parse("<sip:carillon@127.0.0.1>;tag=" + Tags.generate()));
        invite.setTo(Address.parse("<sip:service@127.0.0.1:" + sippPort + ">"));
        invite.headers().add(HeaderName.CALL_ID, "call-" + Tags.generate() + "@127.0.0.1");
        invite.setCSeq(new CSeq(1, SipMethod.INVITE));
        invite.headers().add(HeaderName.CONTACT, "<sip:carillon@127.0.0.1:" + stack.port() + ">");
        BlockingQueue<SipResponse> responses = new LinkedBlockingQueue<>();
        stack.send(invite, collect(responses));
        SipResponse ringing = responses.poll(10, TimeUnit.SECONDS);
        assertThat(ringing).isNotNull();
        assertThat(ringing.statusCode()).isEqualTo(180);
        Dialog dialog = Dialog.asUac(invite, ringing, DialogUsage.INVITE);
        assertThat(dialog.state()).isEqualTo(DialogState.EARLY);
        SipResponse ok = responses.poll(10, TimeUnit.SECONDS);
        assertThat(ok.statusCode()).isEqualTo(200);
        dialog.onResponse(ok);
        assertThat(dialog.state()).isEqualTo(DialogState.CONFIRMED);
        stack.sendAck(dialog.createAck(1));
        stack.send(dialog.createRequest(SipMethod.BYE), collect(responses));
        SipResponse byeOk = responses.poll(10, TimeUnit.SECONDS);
        assertThat(byeOk.statusCode()).isEqualTo(200);
        assertThat(byeOk.cseq().method()).isEqualTo(SipMethod.BYE);
        dialog.terminate();
        Sipp.Result r = uas.await();
        assertThat(r.succeeded()).as(r.output()).isTrue();
    }

    private static ResponseListener collect(BlockingQueue<SipResponse> into) {
        return new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                into.add(response);
            }

            @Override
            public void onTimeout() {
            }

            @Override
            public void onTransportError() {
            }
        };
    }
}
