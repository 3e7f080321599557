package org.carillon.pbx.registrar;

import org.carillon.sip.message.header.Address;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Where requests for a device go: its Contact, or the observed source when it is behind NAT or on TCP. */
class NatTargetTest {
    private static String target(String contact, Transport t, String host, int port) {
        return RegisterHandler.target(Address.parse("<" + contact + ">"), contact,
                new Flow(t, new InetSocketAddress(host, port)), "1000");
    }

    @Test
    void aContactThatIsTheSourceIsKept() {
        assertThat(target("sip:u@203.0.113.5:5062", Transport.UDP, "203.0.113.5", 5062))
                .isEqualTo("sip:u@203.0.113.5:5062");
        assertThat(target("sip:u@203.0.113.5", Transport.UDP, "203.0.113.5", 5060)).isEqualTo("sip:u@203.0.113.5");
    }

    @Test
    void aPrivateContactBehindNatIsRewrittenToTheSource() {
        assertThat(target("sip:u@192.168.1.20:5060", Transport.UDP, "203.0.113.5", 40123))
                .isEqualTo("sip:u@203.0.113.5:40123");
    }

    @Test
    void tcpDevicesAreReachedOverTheirConnection() {
        assertThat(target("sip:u@203.0.113.5:5060;transport=tcp", Transport.TCP, "203.0.113.5", 51000))
                .isEqualTo("sip:u@203.0.113.5:51000;transport=tcp");
    }

    @Test
    void flowsRoundTripThroughTheirTextForm() {
        var flow = new Flow(Transport.TCP, new InetSocketAddress("2001:db8::1", 5060));
        assertThat(Flows.describe(flow)).isEqualTo("tcp:[2001:db8:0:0:0:0:0:1]:5060");
        assertThat(Flows.parse(Flows.describe(flow))).contains(flow);
        assertThat(Flows.parse("udp:example.com:5060")).isEmpty();
    }
}
