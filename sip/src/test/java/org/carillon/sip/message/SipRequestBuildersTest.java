package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.Test;

class SipRequestBuildersTest {
    private final SipParser parser = SipParser.wireDefault();

    private SipRequest invite() {
        return (SipRequest) parser.parse(Messages.crlf(Messages.INVITE.replace("Max-Forwards: 70",
                "Max-Forwards: 70\nRoute: <sip:edge.example.com;lr>")));
    }

    @Test
    void cancelCopiesRequestUriCallIdFromToCseqNumberRouteAndTopViaOnly() {
        SipRequest inv = invite();
        inv.pushVia(Via.of("UDP", "uac.example.com", 5060, "z9hG4bKtop"));
        SipRequest cancel = (SipRequest) parser.parse(inv.createCancel().toBytes());
        assertThat(cancel.method()).isEqualTo(SipMethod.CANCEL);
        assertThat(cancel.rawRequestUri()).isEqualTo(inv.rawRequestUri());
        assertThat(cancel.vias()).singleElement().satisfies(v -> assertThat(v.branch()).contains("z9hG4bKtop"));
        assertThat(cancel.cseq()).isEqualTo(new CSeq(314159, "CANCEL"));
        assertThat(cancel.from()).isEqualTo(inv.from());
        assertThat(cancel.to()).isEqualTo(inv.to());
        assertThat(cancel.callId()).isEqualTo(inv.callId());
        assertThat(cancel.routes()).isEqualTo(inv.routes());
        assertThat(cancel.maxForwards()).hasValue(70);
        assertThat(cancel.bodyLength()).isZero();
    }

    @Test
    void ackForNon2xxTakesTheToTagFromTheResponse() {
        SipRequest inv = invite();
        SipResponse busy = inv.createResponse(486, Optional.of("callee-tag"));
        SipRequest ack = (SipRequest) parser.parse(inv.createAck(busy).toBytes());
        assertThat(ack.method()).isEqualTo(SipMethod.ACK);
        assertThat(ack.to().tag()).contains("callee-tag");
        assertThat(ack.cseq()).isEqualTo(new CSeq(314159, "ACK"));
        assertThat(ack.topVia()).isEqualTo(inv.topVia());
    }

    @Test
    void responseKeepsAllViasInOrderAndAnExistingToTag() {
        SipRequest inv = invite();
        inv.pushVia(Via.of("TCP", "proxy.example.com", 0, "z9hG4bKp"));
        inv.setTo(inv.to().withTag("already"));
        SipResponse ok = (SipResponse) parser.parse(inv.createResponse(200, Optional.of("ignored")).toBytes());
        assertThat(ok.vias()).isEqualTo(inv.vias());
        assertThat(ok.to().tag()).contains("already");
        assertThat(ok.reasonPhrase()).isEqualTo("OK");
    }

    @Test
    void builtRequestSerializesWithContentLengthAndBody() {
        SipRequest r = SipRequest.create(SipMethod.MESSAGE, SipUri.of("bob", "example.com"));
        r.pushVia(Via.of("UDP", "192.0.2.1", 5060, "z9hG4bKm1"));
        r.setFrom(Address.of(SipUri.of("alice", "example.com")).withTag("f1"));
        r.setTo(Address.of(SipUri.of("bob", "example.com")));
        r.headers().add(HeaderName.CALL_ID, "m1@192.0.2.1");
        r.setCSeq(new CSeq(1, SipMethod.MESSAGE));
        r.setMaxForwards(70);
        r.setBody("hello".getBytes(StandardCharsets.UTF_8), Optional.of("text/plain"));
        String wire = new String(r.toBytes(), StandardCharsets.UTF_8);
        assertThat(wire).startsWith("MESSAGE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKm1\r\n");
        assertThat(wire).contains("Content-Length: 5\r\n").endsWith("\r\n\r\nhello");
        SipRequest back = (SipRequest) new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS).parse(r.toBytes());
        assertThat(new String(back.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(back.contentType()).contains("text/plain");
    }

    @Test
    void topViaGetsReceivedAndRportForTheResponsePath() {
        SipRequest inv = invite();
        inv.setTopVia(inv.topVia().withReceived("198.51.100.7").withRport(40123));
        SipRequest back = (SipRequest) parser.parse(inv.toBytes());
        assertThat(back.topVia().received()).contains("198.51.100.7");
        assertThat(back.topVia().rport()).hasValue(40123);
        assertThat(back.topVia().sentBy().portOr(5060)).isEqualTo(5060);
    }

    @Test
    void headerValuesCannotSmuggleLineBreaks() {
        assertThatThrownBy(() -> invite().headers().add(HeaderName.SUBJECT, "x\r\nVia: evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sipUriComparisonFollowsRfc3261Section19_1_4() {
        SipUri a = (SipUri) Uri.parse("sip:%61lice@AtLanTa.CoM;transport=TCP");
        SipUri b = (SipUri) Uri.parse("sip:alice@atlanta.com;transport=tcp");
        assertThat(a.equivalent(b)).isTrue();
        assertThat(((SipUri) Uri.parse("sip:alice@atlanta.com")).equivalent((SipUri) Uri.parse("sip:alice@atlanta.com:5060"))).isFalse();
        assertThat(((SipUri) Uri.parse("sip:bob@biloxi.com")).equivalent((SipUri) Uri.parse("sip:bob@biloxi.com;transport=udp"))).isFalse();
        assertThat(((SipUri) Uri.parse("sip:carol@chicago.com;security=on")).equivalent((SipUri) Uri.parse("sip:carol@chicago.com;newparam=5"))).isTrue();
    }

    @Test
    void telUriKeepsItsNumberAndContext() {
        var tel = (org.carillon.sip.uri.TelUri) Uri.parse("tel:+1-201-555-0123;phone-context=example.com");
        assertThat(tel.isGlobal()).isTrue();
        assertThat(tel.digits()).isEqualTo("+12015550123");
        assertThat(tel.params().find("phone-context")).contains("example.com");
        assertThat(tel.toString()).isEqualTo("tel:+1-201-555-0123;phone-context=example.com");
    }
}
