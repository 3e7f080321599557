package org.carillon.sip.message.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carillon.sip.message.torture.TortureCase.Outcome.ACCEPT;
import static org.carillon.sip.message.torture.TortureCase.Outcome.ACCEPT_THEN_HEADER_400;
import static org.carillon.sip.message.torture.TortureCase.Outcome.REJECT_400;
import static org.carillon.sip.message.torture.TortureCase.Outcome.REJECT_505;

import java.util.List;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.torture.TortureCase.Outcome;
import org.carillon.sip.syntax.SipParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of RFC 4475 and RFC 5118 with its treatment. This list <em>is</em> the table of
 * our choices: where the RFC says SHOULD, MAY or "acceptable", the {@code choice} column records
 * what Carillon does. The RFC column is a summary; see the cited section for its exact words.
 */
class RfcTortureTableTest {
    private static final String AS_RFC = "as the RFC";

    static List<TortureCase> cases() {
        return List.of(
            // --- RFC 4475 §3.1.1 valid messages: all MUST parse ---
            c("rfc4475/wsinv.dat", "4475 §3.1.1.1", ACCEPT, ACCEPT, "valid; parse folding, LWS, compact forms", AS_RFC),
            c("rfc4475/intmeth.dat", "4475 §3.1.1.2", ACCEPT, ACCEPT, "valid; unusual token chars, escaped controls in quoted-pair", AS_RFC),
            c("rfc4475/esc01.dat", "4475 §3.1.1.3", ACCEPT, ACCEPT, "valid; %-escapes, To equals sip:user@example.com", AS_RFC),
            c("rfc4475/escnull.dat", "4475 §3.1.1.4", ACCEPT, ACCEPT, "valid; %00 in user parts, two distinct Contacts", AS_RFC),
            c("rfc4475/esc02.dat", "4475 §3.1.1.5", ACCEPT, ACCEPT, "valid; % not an escape; C%6Fntact is an unknown header", AS_RFC),
            c("rfc4475/lwsdisp.dat", "4475 §3.1.1.6", ACCEPT, ACCEPT, "valid; no LWS between display name and <", AS_RFC),
            c("rfc4475/longreq.dat", "4475 §3.1.1.7", ACCEPT, ACCEPT, "valid; long values, 34 Vias in mixed case", AS_RFC),
            c("rfc4475/dblreq.dat", "4475 §3.1.1.8", ACCEPT, ACCEPT, "valid REGISTER; octets after Content-Length are ignored", AS_RFC),
            c("rfc4475/semiuri.dat", "4475 §3.1.1.9", ACCEPT, ACCEPT, "valid; ';' in the Request-URI user part", AS_RFC),
            c("rfc4475/transports.dat", "4475 §3.1.1.10", ACCEPT, ACCEPT, "valid; unknown transports in Via", AS_RFC),
            c("rfc4475/mpart01.dat", "4475 §3.1.1.11", ACCEPT, ACCEPT, "valid; binary body with bare LF octets", AS_RFC),
            c("rfc4475/unreason.dat", "4475 §3.1.1.12", ACCEPT, ACCEPT, "valid; UTF-8 reason phrase", AS_RFC),
            c("rfc4475/noreason.dat", "4475 §3.1.1.13", ACCEPT, ACCEPT, "valid; empty reason phrase", AS_RFC),
            // --- RFC 4475 §3.1.2 invalid messages ---
            c("rfc4475/badinv01.dat", "4475 §3.1.2.1", REJECT_400, REJECT_400, "invalid (empty Via/Contact params); respond 400", AS_RFC),
            c("rfc4475/clerr.dat", "4475 §3.1.2.2", REJECT_400, REJECT_400, "Content-Length larger than the datagram: respond 400", AS_RFC),
            c("rfc4475/ncl.dat", "4475 §3.1.2.3", REJECT_400, REJECT_400, "negative Content-Length: respond 400", AS_RFC),
            c("rfc4475/scalar02.dat", "4475 §3.1.2.4", REJECT_400, REJECT_400, "overlarge CSeq/Max-Forwards: respond 400", AS_RFC),
            c("rfc4475/scalarlg.dat", "4475 §3.1.2.5", REJECT_400, REJECT_400, "response with overlarge scalars: drop it", "parse error; the transport drops responses that fail"),
            c("rfc4475/quotbal.dat", "4475 §3.1.2.6", REJECT_400, REJECT_400, "unterminated quoted display name: SHOULD respond 400", "reject with 400"),
            c("rfc4475/ltgtruri.dat", "4475 §3.1.2.7", REJECT_400, REJECT_400, "<> around Request-URI: SHOULD respond 400", "reject with 400"),
            c("rfc4475/lwsruri.dat", "4475 §3.1.2.8", REJECT_400, REJECT_400, "LWS inside Request-URI: SHOULD respond 400", "reject with 400"),
            c("rfc4475/lwsstart.dat", "4475 §3.1.2.9", ACCEPT, REJECT_400, "extra SP in request line: acceptable to reject; a liberal element may ignore them", "WIRE ignores them (harmless; writer emits single SP); STRICT rejects"),
            c("rfc4475/trws.dat", "4475 §3.1.2.10", ACCEPT, REJECT_400, "SP at end of request line: acceptable to reject; a liberal element may ignore them", "WIRE ignores them; STRICT rejects"),
            c("rfc4475/escruri.dat", "4475 §3.1.2.11", REJECT_400, REJECT_400, "escaped headers in Request-URI: malformed, SHOULD respond 400", "reject with 400"),
            c("rfc4475/baddate.dat", "4475 §3.1.2.12", ACCEPT, ACCEPT, "bad time zone in Date: an element that does not need Date may ignore it", "accept: Date is never interpreted by this stack"),
            c("rfc4475/regbadct.dat", "4475 §3.1.2.13", ACCEPT_THEN_HEADER_400, REJECT_400, "Contact URI with '?' not in <>: registrar SHOULD respond 400", "WIRE parses Contact on access -> 400 to the registrar; STRICT rejects at parse"),
            c("rfc4475/badaspec.dat", "4475 §3.1.2.14", REJECT_400, REJECT_400, "spaces inside <addr-spec>: SHOULD respond 400", "reject with 400 (To is a routing header)"),
            c("rfc4475/baddn.dat", "4475 §3.1.2.15", REJECT_400, REJECT_400, "non-token display name: SHOULD respond 400", "reject with 400"),
            c("rfc4475/badvers.dat", "4475 §3.1.2.16", REJECT_505, REJECT_505, "SIP/7.0: respond 505 Version Not Supported", AS_RFC),
            c("rfc4475/mismatch01.dat", "4475 §3.1.2.17", REJECT_400, REJECT_400, "CSeq method differs from request method: respond 400", AS_RFC),
            c("rfc4475/mismatch02.dat", "4475 §3.1.2.18", REJECT_400, REJECT_400, "unknown method, CSeq mismatch: 501, or 400 is acceptable", "400 (the mismatch is found while parsing)"),
            c("rfc4475/bigcode.dat", "4475 §3.1.2.19", REJECT_400, REJECT_400, "status code beyond 3 digits: drop the response", "parse error; dropped"),
            // --- RFC 4475 §3.2 transaction layer ---
            c("rfc4475/badbranch.dat", "4475 §3.2.1", ACCEPT, ACCEPT, "branch is only the magic cookie: process normally (it is a valid token)", AS_RFC),
            // --- RFC 4475 §3.3 application layer: syntax is valid, the application answers ---
            c("rfc4475/insuf.dat", "4475 §3.3.1", REJECT_400, REJECT_400, "missing Call-ID/From/To: respond 400", AS_RFC),
            c("rfc4475/unkscm.dat", "4475 §3.3.2", ACCEPT, ACCEPT, "unknown Request-URI scheme: respond 416", "parsed as AbsoluteUri; the UAS answers 416"),
            c("rfc4475/novelsc.dat", "4475 §3.3.3", ACCEPT, ACCEPT, "known but atypical scheme: 416 if not supported", "parsed as AbsoluteUri; the UAS answers 416"),
            c("rfc4475/unksm2.dat", "4475 §3.3.4", ACCEPT, ACCEPT, "unknown schemes in To/From/Contact: accept", AS_RFC),
            c("rfc4475/bext01.dat", "4475 §3.3.5", ACCEPT, ACCEPT, "unsupported Require/Proxy-Require: respond 420", "parsed; the UAS answers 420"),
            c("rfc4475/invut.dat", "4475 §3.3.6", ACCEPT, ACCEPT, "unknown Content-Type: respond 415", "parsed; the UAS answers 415"),
            c("rfc4475/regaut01.dat", "4475 §3.3.7", ACCEPT, ACCEPT, "unknown Authorization scheme: respond 401 with a challenge", "parsed (AuthField); the registrar challenges"),
            c("rfc4475/multi01.dat", "4475 §3.3.8", REJECT_400, REJECT_400, "several values in single-value headers: respond 400", AS_RFC),
            c("rfc4475/mcl01.dat", "4475 §3.3.9", REJECT_400, REJECT_400, "two Content-Length values: respond 400", AS_RFC),
            c("rfc4475/bcast.dat", "4475 §3.3.10", ACCEPT, ACCEPT, "200 with broadcast Via sent-by: do not send to broadcast", "parsed; the transport never sends to 255.255.255.255"),
            c("rfc4475/zeromf.dat", "4475 §3.3.11", ACCEPT, ACCEPT, "Max-Forwards 0: proxies answer 483, a UAS processes it", "parsed; 0 is reported as is"),
            c("rfc4475/cparam01.dat", "4475 §3.3.12", ACCEPT, ACCEPT, "Contact without <>: ;unknownparam is a header param", AS_RFC),
            c("rfc4475/cparam02.dat", "4475 §3.3.13", ACCEPT, ACCEPT, "Contact in <>: ;unknownparam is a URI param", AS_RFC),
            c("rfc4475/regescrt.dat", "4475 §3.3.14", ACCEPT, ACCEPT, "escaped headers in a Contact URI: valid", AS_RFC),
            c("rfc4475/sdp01.dat", "4475 §3.3.15", ACCEPT, ACCEPT, "unacceptable Accept: respond 406", "parsed; the UAS answers"),
            // --- RFC 4475 §3.4 backward compatibility ---
            c("rfc4475/inv2543.dat", "4475 §3.4.1", ACCEPT, REJECT_400, "RFC 2543 INVITE (no Max-Forwards, no branch): process it", "WIRE accepts; STRICT requires Max-Forwards (§8.1.1)"),
            // --- RFC 5118 ---
            c("rfc5118/ipv6-good.dat", "5118 §4.1", ACCEPT, ACCEPT, "valid IPv6 references", AS_RFC),
            c("rfc5118/ipv6-bad.dat", "5118 §4.2", REJECT_400, REJECT_400, "IPv6 Request-URI without brackets: respond 400", AS_RFC),
            c("rfc5118/port-ambiguous.dat", "5118 §4.3", ACCEPT, ACCEPT, "[2001:db8::10:5070] is an address, no port", AS_RFC),
            c("rfc5118/port-unambiguous.dat", "5118 §4.4", ACCEPT, ACCEPT, "[2001:db8::10]:5070 has port 5070", AS_RFC),
            c("rfc5118/via-received-param-with-delim.dat", "5118 §4.5", ACCEPT, ACCEPT, "received=[v6]: be robust and accept", "accept"),
            c("rfc5118/via-received-param-no-delim.dat", "5118 §4.5", ACCEPT, ACCEPT, "received=v6 without brackets: valid", AS_RFC),
            c("rfc5118/ipv6-in-sdp.dat", "5118 §4.6", ACCEPT, ACCEPT, "valid; IPv6 in SDP", AS_RFC),
            c("rfc5118/mult-ip-in-header.dat", "5118 §4.7", ACCEPT, ACCEPT, "valid; IPv4 and IPv6 Vias", AS_RFC),
            c("rfc5118/mult-ip-in-sdp.dat", "5118 §4.8", ACCEPT, ACCEPT, "valid; IPv4 and IPv6 in SDP", AS_RFC),
            c("rfc5118/ipv4-mapped-ipv6.dat", "5118 §4.9", ACCEPT, ACCEPT, "valid; IPv4-mapped IPv6", AS_RFC),
            c("rfc5118/ipv6-bug-abnf-3-colons.dat", "5118 §4.10", ACCEPT, ACCEPT, "'x:::a.b.c.d' (RFC 3261 ABNF bug): be robust and accept", "accept, in every mode"),
            c("rfc5118/ipv6-correct-abnf-2-colons.dat", "5118 §4.10", ACCEPT, ACCEPT, "valid", AS_RFC));
    }

    private static TortureCase c(String file, String section, Outcome wire, Outcome strict, String rfc, String choice) {
        return new TortureCase(file, section, wire, strict, rfc, choice);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wireModeTreatsMessageAsTheTableSays(TortureCase c) {
        check(TortureFiles.WIRE, c.file(), c.wire());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void strictModeTreatsMessageAsTheTableSays(TortureCase c) {
        check(TortureFiles.STRICT, c.file(), c.strict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptedMessageSurvivesWriteAndReparse(TortureCase c) {
        if (c.wire() != ACCEPT) {
            return;
        }
        SipMessage a = TortureFiles.wire(c.file());
        SipMessage b = TortureFiles.WIRE.parse(a.toBytes());
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        assertThat(b.vias()).isEqualTo(a.vias());
        assertThat(b.from()).isEqualTo(a.from());
        assertThat(b.to()).isEqualTo(a.to());
        assertThat(b.cseq()).isEqualTo(a.cseq());
        assertThat(b.callId()).isEqualTo(a.callId());
        assertThat(b.body()).isEqualTo(a.body());
    }

    private static void check(SipParser parser, String file, Outcome expected) {
        byte[] bytes = TortureFiles.bytes(file);
        switch (expected) {
            case ACCEPT -> readEveryTypedHeader(parser.parse(bytes));
            case ACCEPT_THEN_HEADER_400 -> {
                SipMessage m = parser.parse(bytes);
                assertThatThrownBy(() -> readEveryTypedHeader(m)).isInstanceOfSatisfying(SipParseException.class,
                        e -> assertThat(e.statusHint()).isEqualTo(400));
            }
            case REJECT_400, REJECT_505 -> assertThatThrownBy(() -> parser.parse(bytes))
                    .isInstanceOfSatisfying(SipParseException.class,
                            e -> assertThat(e.statusHint()).isEqualTo(expected == REJECT_400 ? 400 : 505));
        }
    }

    static void readEveryTypedHeader(SipMessage m) {
        m.vias();
        m.from();
        m.to();
        m.callId();
        m.cseq();
        m.maxForwards();
        m.contacts();
        m.routes();
        m.recordRoutes();
        m.contentLength();
        m.expires();
        if (m instanceof org.carillon.sip.message.SipRequest r) {
            r.requestUri();
        }
    }
}
