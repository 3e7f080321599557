package org.carillon.sip.message.torture;

import static org.assertj.core.api.Assertions.assertThat;

import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

/** RFC 5118 §4: IPv6 references parse to the hosts and ports the RFC states. */
class Rfc5118MessagesTest {

    private static SipRequest request(String name) {
        return (SipRequest) TortureFiles.wire("rfc5118/" + name + ".dat");
    }

    @Test
    void ipv6ReferencesInRequestUriViaAndContactAreHosts() {
        SipRequest r = request("ipv6-good");
        assertThat(((SipUri) r.requestUri()).host()).isEqualTo("[2001:db8::10]");
        assertThat(r.topVia().host()).isEqualTo("[2001:db8::9:1]");
        assertThat(((SipUri) r.contacts().addresses().getFirst().uri()).host()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void portInsideBracketsIsPartOfTheAddress() {
        SipUri u = (SipUri) request("port-ambiguous").requestUri();
        assertThat(u.host()).isEqualTo("[2001:db8::10:5070]");
        assertThat(u.port()).isEmpty();
        SipUri v = (SipUri) request("port-unambiguous").requestUri();
        assertThat(v.host()).isEqualTo("[2001:db8::10]");
        assertThat(v.port()).hasValue(5070);
    }

    @Test
    void receivedParameterIsReadWithAndWithoutBrackets() {
        assertThat(request("via-received-param-with-delim").topVia().received()).contains("[2001:db8::9:255]");
        assertThat(request("via-received-param-no-delim").topVia().received()).contains("2001:db8::9:255");
    }

    @Test
    void mixedAddressFamiliesInViasAreRead() {
        assertThat(request("mult-ip-in-header").vias()).extracting(Via::host)
                .containsExactly("[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]");
        assertThat(request("mult-ip-in-header").topVia().port()).hasValue(6050);
        Via mapped = request("ipv4-mapped-ipv6").topVia();
        assertThat(mapped.host()).isEqualTo("[::ffff:192.0.2.10]");
        assertThat(mapped.port()).hasValue(19823);
    }

    @Test
    void sdpBodiesWithIpv6AreDelivered() {
        assertThat(new String(request("ipv6-in-sdp").body())).contains("c=IN IP6 2001:db8::20");
        assertThat(new String(request("mult-ip-in-sdp").body())).contains("c=IN IP6 2001:db8::1");
    }

    @Test
    void threeColonFormFromRfc3261AbnfIsAcceptedForRobustness() {
        assertThat(((SipUri) request("ipv6-bug-abnf-3-colons").requestUri()).host()).isEqualTo("[2001:db8:::192.0.2.1]");
        assertThat(((SipUri) request("ipv6-correct-abnf-2-colons").requestUri()).host()).isEqualTo("[2001:db8::192.0.2.1]");
    }
}
