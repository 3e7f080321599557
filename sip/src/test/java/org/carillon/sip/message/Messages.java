package org.carillon.sip.message;

import java.nio.charset.StandardCharsets;

/** Test messages written with "\n" line ends, turned into CRLF wire bytes. */
final class Messages {
    private Messages() {
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport
            Max-Forwards: 70
            To: Bob <sip:bob@biloxi.example.com>
            From: "Alice A." <sip:alice@atlanta.example.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.example.com
            CSeq: 314159 INVITE
            Contact: <sip:alice@pc33.atlanta.example.com>;expires=3600
            Content-Type: application/sdp
            Content-Length: 5

            v=0
            """;
}
