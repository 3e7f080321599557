package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late offer (issue 6; RFC 3261 §13.2.1): a caller's INVITE without SDP gets the PBX's offer in the 200 and answers
 * it in the ACK. The answer is applied to the caller's media leg (the voicemail menu's prompt then reaches the port
 * the ACK named), a call to an extension is connected as usual, and an ACK without an answer ends the call with BYE.
 */
class LateOfferH2IT extends CallH2Context {

    @Test
    void theAnswerInTheAckSteersThePbxsMediaToThePortItNames() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        try (ScriptedPhone phone = new ScriptedPhone(sipPort(), a);
             DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            rtp.setSoTimeout(5000);
            var call = phone.callWithoutOffer("*97", Optional.of(ScriptedPhone.sdp(rtp.getLocalPort())));
            assertThat(call.getValue()).contains("m=audio ").contains("RTP/AVP");
            // the voicemail menu's prompt arrives as RTP at the port the ACK's answer named
            int packets = 0;
            byte[] buf = new byte[2048];
            try {
                while (packets < 10) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    rtp.receive(p);
                    if (p.getLength() > 12 && (buf[0] & 0xC0) == 0x80) {
                        assertThat(buf[1] & 0x7F).isZero(); // PCMU, as answered
                        packets++;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("only " + packets + " RTP packets reached the answered port");
            }
            JsonNode active = Calls.awaitActiveState(this, "answered");
            api().delete("/api/v1/calls/active/" + active.path("id").asString());
            phone.awaitRequest("BYE", call.getKey(), r -> true, Duration.ofSeconds(5));
        }
    }

    @Test
    void aLateOfferCallToAnExtensionIsConnectedAndHungUpAsUsual() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer callee = SippPeer.start("callee.xml", sipPort(), bPort, List.of());
             ScriptedPhone phone = new ScriptedPhone(sipPort(), a)) {
            var call = phone.callWithoutOffer(b.number(), Optional.of(ScriptedPhone.sdp(9)));
            JsonNode active = Calls.awaitActiveState(this, "answered");
            assertThat(active.path("callee").asString()).isEqualTo(b.number());
            api().delete("/api/v1/calls/active/" + active.path("id").asString());
            assertThat(callee.await()).as(callee.output()).isZero();
            phone.awaitRequest("BYE", call.getKey(), r -> true, Duration.ofSeconds(5));
        }
        assertThat(Calls.lastCallOf(this, a.number()).path("result").asString()).isEqualTo("answered");
    }

    @Test
    void anAckWithoutTheDueAnswerEndsTheCallWithBye() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        try (ScriptedPhone phone = new ScriptedPhone(sipPort(), a)) {
            var call = phone.callWithoutOffer("*97", Optional.empty());
            phone.awaitRequest("BYE", call.getKey(), r -> true, Duration.ofSeconds(5));
        }
    }
}
