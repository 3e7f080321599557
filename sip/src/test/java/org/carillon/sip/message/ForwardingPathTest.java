package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.Test;

/**
 * The proxy's path through a message (issue 3, proxy round trip): parse, push a Via and a
 * Record-Route, set the Request-URI, serialize. What the shortcuts on that path must keep: the
 * bytes written, the values read back, the checks made at parse time.
 */
class ForwardingPathTest {
    private final SipParser parser = SipParser.wireDefault();

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void canonicalLinesAreCopiedAndEveryOtherLineIsWrittenCanonically() {
        byte[] in = Messages.crlf("""
                INVITE sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1
                v: SIP/2.0/UDP b.example.com;branch=z9hG4bK2
                max-forwards: 70
                To:  <sip:bob@biloxi.example.com>
                From: <sip:alice@atlanta.example.com>;tag=1 \t
                Call-ID: 1@a
                CSeq : 1 INVITE
                Subject: a
                 folded line
                X-Odd:x
                Content-Length: 0

                """);
        SipRequest r = (SipRequest) parser.parse(in);
        assertThat(text(r.toBytes())).isEqualTo(text(Messages.crlf("""
                INVITE sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1
                Via: SIP/2.0/UDP b.example.com;branch=z9hG4bK2
                Max-Forwards: 70
                To: <sip:bob@biloxi.example.com>
                From: <sip:alice@atlanta.example.com>;tag=1
                Call-ID: 1@a
                CSeq: 1 INVITE
                Subject: a folded line
                X-Odd: x
                Content-Length: 0

                """)));
    }

    @Test
    void forwardedRequestCarriesThePushedFieldsAndTheNewRequestUri() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        Via via = Via.parseFirst("SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bKp1");
        Address rr = Address.parse("<sip:proxy.example.com;lr>");
        Uri target = Uri.parse("sip:bob@192.0.2.4:5060;transport=udp");
        r.pushVia(via);
        r.pushRecordRoute(rr);
        r.setRequestUri(target);
        String out = text(r.toBytes());
        assertThat(out).startsWith("INVITE sip:bob@192.0.2.4:5060;transport=udp SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bKp1\r\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n");
        assertThat(out).contains("\r\nRecord-Route: <sip:proxy.example.com;lr>\r\n").endsWith("\r\n\r\nv=0\r\n");
        assertThat(r.rawRequestUri()).isEqualTo(target.toString());
        assertThat(r.requestUri()).isEqualTo(target);
        SipRequest again = (SipRequest) parser.parse(r.toBytes());
        assertThat(again.topVia()).isEqualTo(via);
        assertThat(again.requestUri()).isEqualTo(target);
        assertThat(r.copy().toBytes()).isEqualTo(r.toBytes());
    }

    @Test
    void aRefusedValueLeavesTheMessageAndLaterPushesIntact() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        byte[] before = r.toBytes();
        assertThatThrownBy(() -> r.setRequestUri(SipUri.ofHost("h.example.com\r\nX: y", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.pushVia(Via.of("UDP", "h.example.com\nX: y", 5060, "z9hG4bK1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(r.toBytes()).isEqualTo(before);
        r.pushVia(Via.of("UDP", "ok.example.com", 5060, "z9hG4bK2"));
        r.setRequestUri(Uri.parse("sip:bob@192.0.2.4"));
        assertThat(text(r.toBytes())).startsWith("INVITE sip:bob@192.0.2.4 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP ok.example.com:5060;branch=z9hG4bK2\r\n");
    }

    @Test
    void copiesOfARequestTakePushesOfTheirOwn() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        r.pushVia(Via.of("UDP", "p.example.com", 5060, "z9hG4bKshared"));
        SipRequest a = r.copy();
        SipRequest b = r.copy();
        a.pushRecordRoute(Address.parse("<sip:left.example.net;lr>"));
        b.pushRecordRoute(Address.parse("<sip:right.example.net;lr>"));
        a.setRequestUri(Uri.parse("sip:bob@192.0.2.1"));
        b.setRequestUri(Uri.parse("sip:bob@192.0.2.2"));
        assertThat(text(a.toBytes())).startsWith("INVITE sip:bob@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP p.example.com")
                .contains("Record-Route: <sip:left.example.net;lr>\r\n").doesNotContain("right.example.net");
        assertThat(text(b.toBytes())).startsWith("INVITE sip:bob@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP p.example.com")
                .contains("Record-Route: <sip:right.example.net;lr>\r\n").doesNotContain("left.example.net");
    }

    @Test
    void fromAndToAreCheckedWhenParsedAndBuiltOnFirstRead() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        SipHeaders h = r.headers();
        int from = h.indexOf(HeaderName.FROM);
        assertThat(h.typed(from)).isNull(); // a forwarding proxy never pays for the record
        assertThat(r.from()).isEqualTo(Address.parse("\"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774"));
        assertThat(h.typed(from)).isSameAs(r.from());
        String badFrom = Messages.INVITE.replace(";tag=1928301774", ";tag=");
        assertThatThrownBy(() -> parser.parse(Messages.crlf(badFrom))).isInstanceOf(SipParseException.class);
        String badHost = Messages.INVITE.replace("<sip:alice@atlanta.example.com>", "<sip:alice@atlanta..example.com>");
        assertThatThrownBy(() -> parser.parse(Messages.crlf(badHost))).isInstanceOf(SipParseException.class);
    }
}
