package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawReplyTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void copiesTheRoutingLinesOfARequestIntoAnErrorResponse() {
        String head = "INVITE sip:b@x SIP/2.0\r\nv: SIP/2.0/TCP h;branch=z9hG4bK1\r\nf: <sip:a@x>;tag=1\r\n"
                + "t: <sip:b@x>\r\ni: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 99999\r\nX-Other: y\r\n\r\n";
        assertThat(RawReply.build(bytes(head), 513, "Message Too Large")).get()
                .extracting(b -> new String(b, StandardCharsets.ISO_8859_1))
                .isEqualTo("SIP/2.0 513 Message Too Large\r\nv: SIP/2.0/TCP h;branch=z9hG4bK1\r\nf: <sip:a@x>;tag=1\r\n"
                        + "t: <sip:b@x>\r\ni: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void answersNoResponseNoAckNoGarbageAndNothingWithoutVia() {
        assertThat(RawReply.build(bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n\r\n"), 400, "Bad Request")).isEmpty();
        assertThat(RawReply.build(bytes("ACK sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\n"), 400, "Bad Request")).isEmpty();
        assertThat(RawReply.build(bytes("\u0001\u0002garbage"), 400, "Bad Request")).isEmpty();
        assertThat(RawReply.build(bytes("OPTIONS sip:b@x SIP/2.0\r\nFrom: <sip:a@x>\r\n\r\n"), 400, "Bad Request")).isEmpty();
    }
}
