package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example messages of RFC 3261 §24 (registration, §24.1; session setup, §24.2), transcribed
 * from the RFC's text (folded Via lines kept). §25 is the ABNF and has no messages. Where the RFC
 * writes "(Alice's SDP not shown)" we put a small SDP body and the matching Content-Length.
 * Each must round-trip: parse, write, parse again gives the same values and the same bytes.
 */
class Rfc3261ExamplesTest {
    private static final String SDP = "v=0\no=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com\ns=-\n"
            + "c=IN IP4 pc33.atlanta.com\nt=0 0\nm=audio 49172 RTP/AVP 0\na=rtpmap:0 PCMU/8000\n";

    static Stream<String> examples() {
        return Stream.of(
                // §24.1 F1 REGISTER Bob -> Registrar
                """
                REGISTER sip:registrar.biloxi.com SIP/2.0
                Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7
                Max-Forwards: 70
                To: Bob <sip:bob@biloxi.com>
                From: Bob <sip:bob@biloxi.com>;tag=456248
                Call-ID: 843817637684230@998sdasdh09
                CSeq: 1826 REGISTER
                Contact: <sip:bob@192.0.2.4>
                Expires: 7200
                Content-Length: 0
                """,
                // §24.1 F2 200 OK Registrar -> Bob
                """
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7
                 ;received=192.0.2.4
                To: Bob <sip:bob@biloxi.com>;tag=2493k59kd
                From: Bob <sip:bob@biloxi.com>;tag=456248
                Call-ID: 843817637684230@998sdasdh09
                CSeq: 1826 REGISTER
                Contact: <sip:bob@192.0.2.4>
                Expires: 7200
                Content-Length: 0
                """,
                // §24.2 F1 INVITE Alice -> atlanta.com proxy
                """
                INVITE sip:bob@biloxi.com SIP/2.0
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                Max-Forwards: 70
                To: Bob <sip:bob@biloxi.com>
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Contact: <sip:alice@pc33.atlanta.com>
                Content-Type: application/sdp
                Content-Length: SDP
                """,
                // §24.2 F2 100 Trying atlanta.com proxy -> Alice
                """
                SIP/2.0 100 Trying
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                 ;received=192.0.2.1
                To: Bob <sip:bob@biloxi.com>
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Content-Length: 0
                """,
                // §24.2 F3 INVITE atlanta.com proxy -> biloxi.com proxy
                """
                INVITE sip:bob@biloxi.com SIP/2.0
                Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                 ;received=192.0.2.1
                Max-Forwards: 69
                To: Bob <sip:bob@biloxi.com>
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Contact: <sip:alice@pc33.atlanta.com>
                Content-Type: application/sdp
                Content-Length: SDP
                """,
                // §24.2 F5 INVITE biloxi.com proxy -> Bob
                """
                INVITE sip:bob@192.0.2.4 SIP/2.0
                Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
                Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
                 ;received=192.0.2.2
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                 ;received=192.0.2.1
                Max-Forwards: 68
                To: Bob <sip:bob@biloxi.com>
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Contact: <sip:alice@pc33.atlanta.com>
                Content-Type: application/sdp
                Content-Length: SDP
                """,
                // §24.2 F6 180 Ringing Bob -> biloxi.com proxy
                """
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
                 ;received=192.0.2.3
                Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
                 ;received=192.0.2.2
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                 ;received=192.0.2.1
                To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                Contact: <sip:bob@192.0.2.4>
                CSeq: 314159 INVITE
                Content-Length: 0
                """,
                // §24.2 F9 200 OK Bob -> biloxi.com proxy
                """
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
                 ;received=192.0.2.3
                Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
                 ;received=192.0.2.2
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
                 ;received=192.0.2.1
                To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Contact: <sip:bob@192.0.2.4>
                Content-Type: application/sdp
                Content-Length: SDP
                """,
                // §24.2 F12 ACK Alice -> Bob
                """
                ACK sip:bob@192.0.2.4 SIP/2.0
                Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds9
                Max-Forwards: 70
                To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
                From: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 ACK
                Content-Length: 0
                """,
                // §24.2 F13 BYE Bob -> Alice
                """
                BYE sip:alice@pc33.atlanta.com SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10
                Max-Forwards: 70
                From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
                To: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 231 BYE
                Content-Length: 0
                """,
                // §24.2 F14 200 OK Alice -> Bob
                """
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10
                From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
                To: Alice <sip:alice@atlanta.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 231 BYE
                Content-Length: 0
                """);
    }

    private static byte[] wire(String text) {
        boolean sdp = text.contains("Content-Length: SDP");
        String body = sdp ? SDP.replace("\n", "\r\n") : "";
        String head = text.replace("Content-Length: SDP", "Content-Length: " + body.length()).replace("\n", "\r\n");
        return (head + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRoundTripsThroughParseWriteParse(String example) {
        for (SipParser parser : List.of(SipParser.wireDefault(), new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS))) {
            SipMessage first = parser.parse(wire(example));
            byte[] written = first.toBytes();
            SipMessage second = parser.parse(written);
            assertThat(second.toBytes()).isEqualTo(written);
            assertThat(second.vias()).isEqualTo(first.vias());
            assertThat(second.from()).isEqualTo(first.from());
            assertThat(second.to()).isEqualTo(first.to());
            assertThat(second.callId()).isEqualTo(first.callId());
            assertThat(second.cseq()).isEqualTo(first.cseq());
            assertThat(second.contacts()).isEqualTo(first.contacts());
            assertThat(second.expires()).isEqualTo(first.expires());
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.headers().size()).isEqualTo(first.headers().size());
            for (int i = 0; i < first.headers().size(); i++) {
                assertThat(second.headers().name(i)).isEqualTo(first.headers().name(i));
                assertThat(second.headers().value(i)).isEqualTo(first.headers().value(i));
            }
            if (first instanceof SipRequest r) {
                assertThat(((SipRequest) second).requestUri()).isEqualTo(r.requestUri());
            } else {
                assertThat(((SipResponse) second).statusCode()).isEqualTo(((SipResponse) first).statusCode());
                assertThat(((SipResponse) second).reasonPhrase()).isEqualTo(((SipResponse) first).reasonPhrase());
            }
        }
    }
}
