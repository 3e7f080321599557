package org.carillon.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** Dialog creation and in-dialog requests, RFC 3261 §12 (messages modelled on §24.2). */
class DialogTest {

    private static final String INVITE = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>\r\n"
            + "Call-ID: 3848276298220188511@atlanta.example.com\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Record-Route: <sip:p2.example.com;lr>\r\n"
            + "Record-Route: <sip:p1.example.com;lr>\r\n"
            + "Contact: <sip:alice@client.atlanta.example.com>\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static SipRequest invite(String text) {
        return (SipRequest) SipParser.wireDefault().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response as the UAS sends it: To tag, Contact, Record-Route copied (§16.6). */
    private static SipResponse answer(SipRequest request, int status, String contact, String... recordRoutes) {
        SipResponse r = request.createResponse(status);
        r.setTo(r.to().withTag("8321234356"));
        for (String rr : recordRoutes) {
            r.headers().add(HeaderName.RECORD_ROUTE, rr);
        }
        r.headers().add(HeaderName.CONTACT, contact);
        return r;
    }

    @Test
    void aUacDialogFrom180IsEarlyAndA200ConfirmsItAndRecomputesTheRouteSet() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUac(inv, answer(inv, 180, "<sip:bob@192.0.2.4>", "<sip:early.example.com;lr>"),
                DialogUsage.INVITE);
        assertThat(d.state()).isEqualTo(DialogState.EARLY);
        assertThat(d.remoteSeq()).as("empty for the UAC until the peer sends a request").isEmpty();
        assertThat(d.id()).isEqualTo(new DialogId("3848276298220188511@atlanta.example.com", "9fxced76sl", "8321234356"));
        d.onResponse(answer(inv, 200, "<sip:bob@192.0.2.4>", "<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"));
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.routeSet()).extracting(a -> a.uri().toString())
                .containsExactly("sip:p2.example.com;lr", "sip:p1.example.com;lr");
    }

    @Test
    void buildsInDialogRequestsWithLooseRouting() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUac(inv, answer(inv, 200, "<sip:bob@192.0.2.4>", "<sip:p1.example.com;lr>",
                "<sip:p2.example.com;lr>"), DialogUsage.INVITE);
        SipRequest bye = d.createRequest("BYE");
        assertThat(bye.rawRequestUri()).isEqualTo("sip:bob@192.0.2.4");
        assertThat(bye.routes()).extracting(a -> a.uri().toString())
                .containsExactly("sip:p2.example.com;lr", "sip:p1.example.com;lr");
        assertThat(bye.from().tag()).contains("9fxced76sl");
        assertThat(bye.to().tag()).contains("8321234356");
        assertThat(bye.cseq().number()).isEqualTo(2);
        assertThat(bye.callId()).isEqualTo("3848276298220188511@atlanta.example.com");
        assertThat(d.createRequest("INFO").cseq().number()).isEqualTo(3);
        assertThat(d.createAck(1).cseq().toString()).isEqualTo("1 ACK");
    }

    @Test
    void buildsInDialogRequestsWithStrictRouting() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUac(inv, answer(inv, 200, "<sip:bob@192.0.2.4>", "<sip:p1.example.com>",
                "<sip:p2.example.com;lr>"), DialogUsage.INVITE);
        SipRequest bye = d.createRequest("BYE");
        // route set is [p2;lr, p1] reversed from the 200: p2 is loose, so loose routing applies
        assertThat(bye.rawRequestUri()).isEqualTo("sip:bob@192.0.2.4");
        Dialog strict = Dialog.asUac(inv, answer(inv, 200, "<sip:bob@192.0.2.4>", "<sip:p1.example.com;lr>",
                "<sip:strict.example.com>"), DialogUsage.INVITE);
        SipRequest bye2 = strict.createRequest("BYE");
        assertThat(bye2.rawRequestUri()).isEqualTo("sip:strict.example.com");
        assertThat(bye2.routes()).extracting(a -> a.uri().toString())
                .containsExactly("sip:p1.example.com;lr", "sip:bob@192.0.2.4");
    }

    @Test
    void aFailureEndsAnEarlyDialog() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUac(inv, answer(inv, 183, "<sip:bob@192.0.2.4>"), DialogUsage.INVITE);
        d.onResponse(answer(inv, 486, "<sip:bob@192.0.2.4>"));
        assertThat(d.state()).isEqualTo(DialogState.TERMINATED);
    }

    @Test
    void refusesResponsesThatCreateNoDialog() {
        SipRequest inv = invite(INVITE);
        assertThatThrownBy(() -> Dialog.asUac(inv, answer(inv, 100, "<sip:b@x>"), DialogUsage.INVITE))
                .isInstanceOf(DialogException.class);
        SipResponse noTag = inv.createResponse(200);
        noTag.headers().add(HeaderName.CONTACT, "<sip:b@x>");
        assertThatThrownBy(() -> Dialog.asUac(inv, noTag, DialogUsage.INVITE)).isInstanceOf(DialogException.class);
    }

    @Test
    void aUasDialogKeepsTheRouteSetInOrderAndChecksRemoteCseq() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUas(inv, answer(inv, 200, "<sip:bob@192.0.2.4>"), DialogUsage.INVITE);
        assertThat(d.id()).isEqualTo(new DialogId("3848276298220188511@atlanta.example.com", "8321234356", "9fxced76sl"));
        assertThat(d.remoteSeq()).hasValue(1);
        assertThat(d.remoteTarget().toString()).isEqualTo("sip:alice@client.atlanta.example.com");
        SipRequest bye = d.createRequest("BYE");
        assertThat(bye.routes()).extracting(a -> a.uri().toString())
                .containsExactly("sip:p2.example.com;lr", "sip:p1.example.com;lr");
        assertThat(bye.to().uri().toString()).isEqualTo("sip:alice@atlanta.example.com");
        assertThat(bye.from().tag()).contains("8321234356");

        SipRequest reinvite = invite(INVITE.replace("CSeq: 1 INVITE", "CSeq: 5 INVITE")
                .replace("<sip:alice@client.atlanta.example.com>", "<sip:alice@192.0.2.99>"));
        assertThat(d.onRequest(reinvite)).isTrue();
        assertThat(d.remoteTarget().toString()).as("target refresh").isEqualTo("sip:alice@192.0.2.99");
        assertThat(d.onRequest(invite(INVITE.replace("CSeq: 1 INVITE", "CSeq: 4 INVITE"))))
                .as("out of order: §12.2.2 answers 500").isFalse();
    }

    @Test
    void endsWhenTheLastUsageEnds() {
        SipRequest inv = invite(INVITE);
        Dialog d = Dialog.asUas(inv, answer(inv, 200, "<sip:bob@192.0.2.4>"), DialogUsage.INVITE);
        d.addUsage(DialogUsage.SUBSCRIBE);
        d.endUsage(DialogUsage.INVITE);
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        d.endUsage(DialogUsage.SUBSCRIBE);
        assertThat(d.state()).isEqualTo(DialogState.TERMINATED);
    }

    @Test
    void aSubscribeDialogRefreshesItsTargetFromNotify() {
        SipRequest sub = invite(INVITE.replace("INVITE sip", "SUBSCRIBE sip").replace("1 INVITE", "1 SUBSCRIBE"));
        Dialog d = Dialog.asUac(sub, answer(sub, 200, "<sip:bob@192.0.2.4>"), DialogUsage.SUBSCRIBE);
        String notify = "NOTIFY sip:alice@client.atlanta.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKn1\r\n"
                + "From: <sip:bob@biloxi.example.com>;tag=8321234356\r\n"
                + "To: <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n"
                + "Call-ID: 3848276298220188511@atlanta.example.com\r\n"
                + "CSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\nContact: <sip:bob@192.0.2.5>\r\n"
                + "Content-Length: 0\r\n\r\n";
        SipRequest n = (SipRequest) SipParser.wireDefault().parse(notify.getBytes(StandardCharsets.UTF_8));
        assertThat(DialogId.ofIncoming(n)).isEqualTo(d.id());
        assertThat(d.onRequest(n)).isTrue();
        assertThat(d.remoteTarget().toString()).isEqualTo("sip:bob@192.0.2.5");
        DialogTable table = new DialogTable();
        table.add(d);
        assertThat(table.findFor(n)).containsSame(d);
    }
}
