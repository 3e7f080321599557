package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.2.1/§18.2.2 with RFC 3581, and §8.1.2 next-hop selection. */
class RoutingTest {

    private static final Flow FROM_NAT = new Flow(Transport.UDP, new InetSocketAddress("203.0.113.7", 40_123));

    private static SipRequest request(String via, String extra) {
        String text = "OPTIONS sip:bob@192.0.2.2:5070;transport=tcp SIP/2.0\r\n"
                + "Via: " + via + "\r\n" + extra
                + "From: <sip:a@x>;tag=1\r\nTo: <sip:b@y>\r\nCall-ID: c@x\r\nCSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.wireDefault().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stampsReceivedAndRportWhenTheClientAskedForRport() {
        SipRequest r = request("SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1;rport", "");
        ViaStamp.stamp(r, FROM_NAT.remote());
        assertThat(r.topVia().received()).contains("203.0.113.7");
        assertThat(r.topVia().rport()).hasValue(40_123);
        assertThat(ResponseRouter.route(r.topVia(), FROM_NAT))
                .isEqualTo(new Flow(Transport.UDP, new InetSocketAddress("203.0.113.7", 40_123)));
    }

    @Test
    void stampsOnlyReceivedWithoutRportAndAnswersToTheSentByPort() {
        SipRequest r = request("SIP/2.0/UDP 10.0.0.2:5062;branch=z9hG4bK1", "");
        ViaStamp.stamp(r, FROM_NAT.remote());
        assertThat(r.topVia().received()).contains("203.0.113.7");
        assertThat(r.topVia().hasRport()).isFalse();
        assertThat(ResponseRouter.route(r.topVia(), FROM_NAT).remote())
                .isEqualTo(new InetSocketAddress("203.0.113.7", 5062));
    }

    @Test
    void leavesTheViaAloneWhenSentByIsTheSourceAndDefaultsTo5060() {
        SipRequest r = request("SIP/2.0/UDP 203.0.113.7;branch=z9hG4bK1", "");
        String before = r.topVia().toString();
        ViaStamp.stamp(r, FROM_NAT.remote());
        assertThat(r.topVia().toString()).isEqualTo(before);
        assertThat(ResponseRouter.route(r.topVia(), FROM_NAT).remote().getPort()).isEqualTo(5060);
    }

    @Test
    void answersStreamRequestsOverTheirConnection() {
        Flow tcp = new Flow(Transport.TCP, new InetSocketAddress("198.51.100.1", 51_000));
        SipRequest r = request("SIP/2.0/TCP 10.0.0.2:5060;branch=z9hG4bK1", "");
        ViaStamp.stamp(r, tcp.remote());
        assertThat(ResponseRouter.route(r.topVia(), tcp)).isEqualTo(tcp);
    }

    @Test
    void sendsToTheRequestUriWhenThereIsNoRoute() {
        assertThat(RequestRouter.nextHop(request("SIP/2.0/UDP h;branch=z9hG4bK1", "")))
                .isEqualTo(new Flow(Transport.TCP, new InetSocketAddress("192.0.2.2", 5070)));
    }

    @Test
    void sendsToTheFirstRouteWhenThereIsOne() {
        SipRequest r = request("SIP/2.0/UDP h;branch=z9hG4bK1",
                "Route: <sip:192.0.2.9;lr>\r\nRoute: <sip:192.0.2.10;lr>\r\n");
        assertThat(RequestRouter.nextHop(r)).isEqualTo(new Flow(Transport.UDP, new InetSocketAddress("192.0.2.9", 5060)));
    }

    @Test
    void refusesHostNamesAndSips() {
        assertThatThrownBy(() -> RequestRouter.nextHop(request("SIP/2.0/UDP h;branch=z9hG4bK1",
                "Route: <sip:proxy.example.com;lr>\r\n"))).isInstanceOf(NoRouteException.class).hasMessageContaining("DNS");
        assertThatThrownBy(() -> RequestRouter.nextHop(request("SIP/2.0/UDP h;branch=z9hG4bK1",
                "Route: <sips:192.0.2.1;lr>\r\n"))).isInstanceOf(NoRouteException.class).hasMessageContaining("TLS");
    }

    @Test
    void understandsIpv6Literals() {
        assertThat(Hosts.literal("[2001:db8::1]")).isPresent();
        assertThat(Hosts.literal("192.0.2.1")).isPresent();
        assertThat(Hosts.literal("example.com")).isEmpty();
        assertThat(Hosts.literal("1example.com")).isEmpty();
    }

    @Test
    void writesIpv6AddressesInRfc5952Form() throws Exception {
        assertThat(Hosts.text(java.net.InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(Hosts.text(java.net.InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Hosts.text(java.net.InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Hosts.text(java.net.InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(Hosts.text(java.net.InetAddress.getByName("fe80::"))).isEqualTo("fe80::");
        assertThat(Hosts.uriForm(java.net.InetAddress.getByName("2001:DB8::A"))).isEqualTo("[2001:db8::a]");
        assertThat(Hosts.text(java.net.InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void overwritesAReceivedTheClientWroteItself() {
        SipRequest r = request("SIP/2.0/UDP 203.0.113.7;branch=z9hG4bK1;received=198.51.100.66", "");
        ViaStamp.stamp(r, FROM_NAT.remote());
        assertThat(r.topVia().received()).contains("203.0.113.7");
    }
}
