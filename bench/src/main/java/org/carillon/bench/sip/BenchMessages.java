package org.carillon.bench.sip;

import java.nio.charset.StandardCharsets;

/** The messages every SIP benchmark parses: a ~1 kB INVITE with SDP and a REGISTER. */
final class BenchMessages {
    private BenchMessages() {
    }

    private static final String SDP = """
            v=0
            o=alice 2890844526 2890844527 IN IP4 192.0.2.101
            s=-
            c=IN IP4 192.0.2.101
            t=0 0
            m=audio 49170 RTP/AVP 0 8 9 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:9 G722/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv
            """.replace("\n", "\r\n");

    /** An INVITE as a desk phone sends it through one proxy: 1,0xx bytes. */
    static final byte[] INVITE = wire("""
            INVITE sip:bob@biloxi.example.com;user=phone SIP/2.0
            Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK74bf9.1;received=192.0.2.1
            Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bKnashds8;rport=5060;received=192.0.2.101
            Max-Forwards: 69
            Record-Route: <sip:proxy.atlanta.example.com;lr>
            From: "Alice Liddell" <sip:alice@atlanta.example.com>;tag=9fxced76sl
            To: "Bob" <sip:bob@biloxi.example.com>
            Call-ID: 3848276298220188511@atlanta.example.com
            CSeq: 31862 INVITE
            Contact: <sip:alice@192.0.2.101:5060;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"
            Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, UPDATE
            Supported: replaces, timer, 100rel
            Session-Expires: 1800;refresher=uac
            User-Agent: Carillon-Bench-Phone/1.0
            Accept: application/sdp
            Content-Type: application/sdp
            Content-Length: %d

            """, SDP);

    /** A REGISTER with digest credentials: ~600 bytes. */
    static final byte[] REGISTER = wire("""
            REGISTER sip:pbx.example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.55:5060;branch=z9hG4bK-524287-1---d1a0e1b2c3;rport
            Max-Forwards: 70
            Contact: <sip:201@192.0.2.55:5060;rinstance=6f8e1c2d3b4a5968>;expires=3600
            To: "Desk 201" <sip:201@pbx.example.com>
            From: "Desk 201" <sip:201@pbx.example.com>;tag=bd7e2f91
            Call-ID: OGY0ZGM5NzI1ZmQ0ZTY4ZGE4ZmE3NDM2
            CSeq: 2 REGISTER
            Expires: 3600
            Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE
            User-Agent: Carillon-Bench-Phone/1.0
            Authorization: Digest username="201",realm="pbx.example.com",nonce="MTcwMDAwMDAwMDo4ZjE0ZTQ1ZmNlZWE",uri="sip:pbx.example.com",response="6629fae49393a05397450978507c4ef1",algorithm=MD5,cnonce="0a4f113b",qop=auth,nc=00000001
            Content-Length: %d

            """, "");

    private static byte[] wire(String head, String body) {
        String text = head.formatted(body.getBytes(StandardCharsets.UTF_8).length).replace("\n", "\r\n") + body;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
