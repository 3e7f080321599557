package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.WireBytes;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.Test;

/** Headers pushed in wire form ({@code appendTo(WireBytes)}) write the bytes their String would. */
class WireValueTest {
    private final SipParser parser = SipParser.wireDefault();

    private static byte[] bytes(WireBytes b) {
        return java.util.Arrays.copyOf(b.array(), b.size());
    }

    @Test
    void appendToWritesTheUtf8OfToString() {
        List<Via> vias = List.of(Via.parseFirst("SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bK2d4790.1"),
                Via.parseFirst("SIP/2.0/TLS [2001:db8::9]:65535;branch=z9hG4bKx;rport;received=192.0.2.1"),
                Via.parseFirst("SIP/2.0/TCP h.example.com;branch=z9hG4bKy;x=\"caf\u00e9 \u2603\""),
                Via.of("WSS", "ws.example.com", 0, "z9hG4bK0"));
        for (Via v : vias) {
            assertThat(bytes(v.appendTo(new WireBytes(4)))).isEqualTo(v.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<Address> addresses = List.of(Address.parse("<sip:proxy.example.com;lr>"),
                Address.parse("\"J\u00fcrgen \\\"J\\\"\" <sips:j%20x:pw@h.example.com:5061;transport=tcp?subject=hi>;tag=1"),
                Address.parse("Bob <tel:+1-201-555-0123;phone-context=example.com>"),
                Address.parse("<urn:service:sos>;q=0.5"), Address.of(Uri.parse("sip:a@b")));
        for (Address a : addresses) {
            assertThat(bytes(a.appendTo(new WireBytes(1)))).isEqualTo(a.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void pushedFieldsReadAndSerializeLikeStrings() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        Via via = Via.parseFirst("SIP/2.0/UDP proxy.example.com;branch=z9hG4bK1;x=\"\u00e9\"");
        Address rr = Address.parse("\"\u00c5\" <sip:proxy.example.com;lr>");
        SipRequest viaStrings = r.copy();
        r.pushVia(via);
        r.pushRecordRoute(rr);
        viaStrings.headers().addFirst(HeaderName.VIA, via.toString());
        viaStrings.headers().addFirst(HeaderName.RECORD_ROUTE, rr.toString());
        assertThat(r.toBytes()).isEqualTo(viaStrings.toBytes());
        assertThat(r.headers().first(HeaderName.VIA)).contains(via.toString());
        assertThat(r.headers().first(HeaderName.RECORD_ROUTE)).contains(rr.toString());
        assertThat(r.topVia()).isEqualTo(via);
        SipRequest copy = r.copy();
        copy.headers().remove(copy.headers().indexOf(HeaderName.VIA));
        assertThat(copy.topVia()).isNotEqualTo(via);
        assertThat(r.topVia()).isEqualTo(via);
        assertThat(r.copy().toBytes()).isEqualTo(r.toBytes());
    }

    @Test
    void aPushedValueWithALineBreakIsRefused() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        assertThatThrownBy(() -> r.pushVia(Via.of("UDP", "h.example.com\r\nX: y", 5060, "z9hG4bK1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.pushVia(Via.of("UDP", "h.example.com", 5060, "z9hG4bK\u00e9\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
