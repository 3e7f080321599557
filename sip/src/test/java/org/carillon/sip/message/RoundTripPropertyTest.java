package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.uri.SipUri;

/** Messages built through the API from generated parts survive write + STRICT parse unchanged. */
class RoundTripPropertyTest {
    private static final SipParser STRICT = new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS);

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("abcXYZ019-.!%*_+`'~").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(3)
                .map(l -> "[2001:db8::" + Integer.toHexString(l.get(0)) + ":" + Integer.toHexString(l.get(1)) + "]");
        return Arbitraries.oneOf(names, v4, v6);
    }

    @Provide
    Arbitrary<SipUri> uris() {
        return Combinators.combine(tokens(), hosts(), Arbitraries.integers().between(0, 65535), Arbitraries.of(true, false))
                .as((user, host, port, lr) -> {
                    String plain = user.replace("`", "").replace("%", ""); // '%' must be an escape in a URI
                    SipUri u = SipUri.of(plain.isEmpty() ? "u" : plain, host).withPort(port);
                    return lr ? u.withParams(Parameters.EMPTY.withFlag("lr")) : u;
                });
    }

    @Provide
    Arbitrary<String> displayNames() {
        return Arbitraries.strings().withChars("Alice Bob \"\\,;<>é漢").ofMaxLength(16);
    }

    @Property(tries = 1500)
    void builtMessageRoundTrips(@ForAll("uris") SipUri target, @ForAll("uris") SipUri from, @ForAll("displayNames") String name,
                                @ForAll("hosts") String viaHost, @ForAll("tokens") String branch,
                                @ForAll("tokens") String tag, @ForAll("tokens") String method,
                                @ForAll long cseq, @ForAll byte[] body) {
        SipRequest r = SipRequest.create(method, target);
        r.pushVia(Via.of("UDP", viaHost, 5060, "z9hG4bK" + branch).withParams(
                Parameters.EMPTY.with("branch", "z9hG4bK" + branch).withFlag("rport")));
        r.setFrom(new Address(name.isEmpty() ? Optional.empty() : Optional.of(Cursor.quote(name)), from,
                Parameters.EMPTY.with("tag", tag)));
        r.setTo(Address.of(target));
        r.headers().add(HeaderName.CALL_ID, tag + "@" + branch);
        r.setCSeq(new CSeq(Math.floorMod(cseq, 1L << 31), method));
        r.setMaxForwards(70);
        r.pushRecordRoute(Address.of(from.withParams(Parameters.EMPTY.withFlag("lr"))));
        r.setBody(body, body.length == 0 ? Optional.empty() : Optional.of("application/octet-stream"));

        SipRequest back = (SipRequest) STRICT.parse(r.toBytes());
        assertThat(back.method()).isEqualTo(method);
        assertThat(back.requestUri()).isEqualTo(target);
        assertThat(back.vias()).isEqualTo(r.vias());
        assertThat(back.from()).isEqualTo(r.from());
        assertThat(back.from().displayText()).isEqualTo(name.isEmpty() ? Optional.empty() : Optional.of(name));
        assertThat(back.to()).isEqualTo(r.to());
        assertThat(back.callId()).isEqualTo(r.callId());
        assertThat(back.cseq()).isEqualTo(r.cseq());
        assertThat(back.recordRoutes()).isEqualTo(List.of(Address.of(from.withParams(Parameters.EMPTY.withFlag("lr")))));
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.toBytes()).isEqualTo(r.toBytes());
    }
}
