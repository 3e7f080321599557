package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

class SipParserTest {
    private final SipParser parser = SipParser.wireDefault();

    @Test
    void parsesRequestLineAndRoutingHeaders() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        assertThat(r.method()).isSameAs(SipMethod.INVITE);
        assertThat(r.requestUri()).isInstanceOfSatisfying(SipUri.class, u -> {
            assertThat(u.user()).contains("bob");
            assertThat(u.host()).isEqualTo("biloxi.example.com");
        });
        Via via = r.topVia();
        assertThat(via.branch()).contains("z9hG4bK776asdhds");
        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.port()).hasValue(5060);
        assertThat(via.hasRport()).isTrue();
        assertThat(via.rport()).isEmpty();
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.from().tag()).contains("1928301774");
        assertThat(r.from().displayText()).contains("Alice A.");
        assertThat(r.to().tag()).isEmpty();
        assertThat(r.cseq().number()).isEqualTo(314159);
        assertThat(r.cseq().method()).isEqualTo("INVITE");
        assertThat(r.maxForwards()).hasValue(70);
        assertThat(r.contacts().addresses()).singleElement()
                .satisfies(a -> assertThat(a.expires()).hasValue(3600));
        assertThat(new String(r.body())).isEqualTo("v=0\r\n");
        assertThat(r.bodyLength()).isEqualTo(5);
    }

    @Test
    void findsHeadersByCompactAndFullNameInAnyCase() {
        byte[] m = Messages.crlf(Messages.INVITE.replace("Call-ID:", "i:").replace("Via:", "VIA:"));
        SipMessage r = parser.parse(m);
        assertThat(r.headers().first("call-id")).contains("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.headers().first("I")).contains("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.headers().first(HeaderName.VIA)).isPresent();
        assertThat(r.headers().first("v")).isPresent();
    }

    @Test
    void headerNamesAreReadAWordAtATimeOnlyWhenTheyEndAtTheirColon() {
        // a CR folds (| 0x20) onto '-': "Call<CR>ID" must not be taken for Call-ID
        assertThatThrownBy(() -> parser.parse(Messages.crlf(Messages.INVITE.replace("Call-ID:", "Call\rID:"))))
                .isInstanceOf(SipParseException.class);
        // whitespace before the colon, a long unknown name and one near the end take the byte loop
        String text = Messages.INVITE.replace("Via:", "Via\t :").replace("Call-ID:", "cALL-id:")
                .replace("Max-Forwards:", "X-A-Rather-Long-Extension-Header: 1\nMax-Forwards:");
        SipMessage r = parser.parse(Messages.crlf(text));
        assertThat(r.topVia().branch()).contains("z9hG4bK776asdhds");
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.headers().first("x-a-rather-long-extension-header")).contains("1");
        String out = new String(r.toBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).contains("\r\nVia: SIP/2.0/UDP", "\r\nCall-ID: a84b", "\r\nX-A-Rather-Long-Extension-Header: 1\r\n");
        byte[] tail = "OPTIONS sip:a@b SIP/2.0\r\nv:SIP/2.0/UDP h;branch=z9hG4bK1\r\nf:<sip:a@b>;tag=1\r\nt:<sip:a@b>\r\ni:1\r\nCSeq:1 OPTIONS\r\nl:0\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(parser.parse(tail).cseq().number()).isEqualTo(1);
    }

    @Test
    void roundTripsThroughTheWriter() {
        SipMessage a = parser.parse(Messages.crlf(Messages.INVITE));
        SipMessage b = parser.parse(a.toBytes());
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        assertThat(new String(a.toBytes())).startsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n");
    }

    @Test
    void buildsResponseCopyingTheRfc3261Headers() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        SipResponse resp = r.createResponse(180, Optional.of("abc"));
        SipResponse back = (SipResponse) parser.parse(resp.toBytes());
        assertThat(back.statusCode()).isEqualTo(180);
        assertThat(back.reasonPhrase()).isEqualTo("Ringing");
        assertThat(back.topVia().branch()).contains("z9hG4bK776asdhds");
        assertThat(back.to().tag()).contains("abc");
        assertThat(back.from().tag()).contains("1928301774");
        assertThat(back.callId()).isEqualTo(r.callId());
        assertThat(back.cseq()).isEqualTo(r.cseq());
    }

    @Test
    void proxyRoundTripAddsViaAndRecordRoute() {
        SipRequest r = (SipRequest) parser.parse(Messages.crlf(Messages.INVITE));
        r.pushVia(Via.of("UDP", "proxy.example.com", 5060, "z9hG4bKproxy1"));
        r.pushRecordRoute(org.carillon.sip.message.header.Address.of(
                SipUri.ofHost("proxy.example.com", 0).withParams(org.carillon.sip.syntax.Parameters.EMPTY.withFlag("lr"))));
        r.setRequestUri(SipUri.of("bob", "192.0.2.4"));
        r.setMaxForwards(r.maxForwards().getAsInt() - 1);
        SipRequest out = (SipRequest) parser.parse(r.toBytes());
        assertThat(out.vias()).hasSize(2);
        assertThat(out.topVia().branch()).contains("z9hG4bKproxy1");
        assertThat(out.recordRoutes()).singleElement().satisfies(a -> assertThat(((SipUri) a.uri()).lr()).isTrue());
        assertThat(out.rawRequestUri()).isEqualTo("sip:bob@192.0.2.4");
        assertThat(out.maxForwards()).hasValue(69);
        assertThat(out.popVia().branch()).contains("z9hG4bKproxy1");
        assertThat(out.vias()).hasSize(1);
    }

    @Test
    void rejectsMissingCallIdWithStatusHint400() {
        byte[] m = Messages.crlf(Messages.INVITE.replace("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\n", ""));
        assertThatThrownBy(() -> parser.parse(m)).isInstanceOfSatisfying(SipParseException.class,
                e -> assertThat(e.statusHint()).isEqualTo(400));
    }

    @Test
    void parsesARangeOfAByteBufWithoutMovingItsIndexes() {
        byte[] m = Messages.crlf(Messages.INVITE);
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.directBuffer();
        try {
            buf.writeBytes("junk".getBytes()).writeBytes(m);
            SipMessage parsed = parser.parse(buf, 4, m.length);
            assertThat(parsed.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
            assertThat(buf.readerIndex()).isZero();
        } finally {
            buf.release();
        }
    }

    @Test
    void framingFindsMessageEndAndAsksForMore() {
        byte[] m = Messages.crlf(Messages.INVITE);
        assertThat(Framing.messageLength(m, 0, m.length, SipParserLimits.DEFAULTS)).isEqualTo(m.length);
        assertThat(Framing.messageLength(m, 0, m.length - 1, SipParserLimits.DEFAULTS)).isEqualTo(Framing.NEED_MORE);
    }
}
