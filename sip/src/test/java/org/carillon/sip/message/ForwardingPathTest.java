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
    void theFirstContentLengthIsWrittenWhereItStandsWithTheBodyLengthAndLaterOnesAreDropped() {
        // RFC 3261 §18.3: one Content-Length, equal to the body; the writer decides on the first
        // one where its loop meets it, so its place and the block copies around it are pinned here
        String head = """
                MESSAGE sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1
                Max-Forwards: 70
                To: <sip:bob@biloxi.example.com>
                From: <sip:alice@atlanta.example.com>;tag=1
                Call-ID: 1@a
                CSeq: 1 MESSAGE
                %s
                Subject: after

                hello""";
        String received = head.formatted("Content-Length: 5");
        SipRequest kept = (SipRequest) parser.parse(Messages.crlf(received));
        kept.headers().add(HeaderName.CONTENT_LENGTH, "5"); // a second one: dropped
        assertThat(text(kept.toBytes())).isEqualTo(text(Messages.crlf(received)));

        SipRequest wrong = (SipRequest) parser.parse(Messages.crlf(received));
        wrong.headers().replace(wrong.headers().indexOf(HeaderName.CONTENT_LENGTH), "12");
        wrong.headers().add(HeaderName.CONTENT_LENGTH, "05");
        assertThat(text(wrong.toBytes())).isEqualTo(text(Messages.crlf(received)));

        SipRequest none = (SipRequest) parser.parse(Messages.crlf(received));
        none.headers().removeAll(HeaderName.CONTENT_LENGTH);
        none.headers().add(HeaderName.of("X-Last"), "x");
        assertThat(text(none.toBytes())).isEqualTo(text(Messages.crlf(
                head.formatted("X-Placeholder: y").replace("X-Placeholder: y\n", "")
                        .replace("Subject: after\n", "Subject: after\nX-Last: x\nContent-Length: 5\n"))));
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
    void pushedFieldsAreReadBackAsTheirEntriesByEveryReader() {
        // a field of one Via or Record-Route keeps the entry itself as its parsed form (no list
        // per field): every reader of Vias and Record-Routes must take both forms
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        Via received = r.topVia();
        Via via = Via.parseFirst("SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bKp1");
        Address rr = Address.parse("<sip:proxy.example.com;lr>");
        assertThat(r.headers().typed(r.headers().indexOf(HeaderName.VIA))).isSameAs(received); // not a list of one
        r.pushVia(via);
        r.pushRecordRoute(rr);
        assertThat(r.headers().typed(0)).isSameAs(via);
        assertThat(r.headers().typed(r.headers().indexOf(HeaderName.RECORD_ROUTE))).isSameAs(rr);
        assertThat(r.topVia()).isSameAs(via);
        assertThat(r.vias()).containsExactly(via, received);
        assertThat(r.recordRoutes()).first().isSameAs(rr);
        SipRequest copy = r.copy();
        assertThat(copy.vias()).containsExactly(via, received);
        assertThat(copy.recordRoutes()).first().isEqualTo(rr);
        Via replaced = via.withReceived("192.0.2.9");
        r.setTopVia(replaced);
        assertThat(r.vias()).containsExactly(replaced, received);
        assertThat(r.popVia()).isEqualTo(replaced);
        assertThat(r.vias()).containsExactly(received);
        assertThat(r.popVia()).isEqualTo(received);
        assertThat(r.vias()).isEmpty();
        assertThat(copy.topVia()).isSameAs(via);
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
