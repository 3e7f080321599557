package org.carillon.platform.web;

import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.carillon.platform.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    @Test
    void addressesAndRangesOfBothFamiliesBecomeTomcatCidrRanges() {
        var proxies = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/24 ,2001:db8::/32,[::1],");
        assertThat(proxies.ranges()).containsExactly("127.0.0.1/32", "10.0.0.0/24", "2001:db8:0:0:0:0:0:0/32",
                "0:0:0:0:0:0:0:1/128");
        assertThat(proxies.valve().getInternalProxies().split(", ")).containsExactlyInAnyOrderElementsOf(proxies.ranges());
        assertThat(proxies.valve().getTrustedProxies()).isNull();
        assertThat(proxies.valve().getProtocolHeader()).isEqualTo("X-Forwarded-Proto");
        assertThat(proxies.valve().getRemoteIpHeader()).isEqualTo("X-Forwarded-For");
    }

    @Test
    void emptyOrBlankTrustsNobody() {
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void aBadEntryIsNamedInTheError() {
        for (String bad : new String[] {"proxy.example.com", "10.0.0", "256.1.1.1", "fe80::1%eth0",
                "1.2.3.4.5", "::1::2"}) {
            assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + bad)).as(bad)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("CARILLON_WEB_TRUSTED_PROXIES: '" + bad + "' is not an IP address or CIDR range"
                            + " (e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)");
        }
    }

    @Test
    void aPrefixLengthOutOfRangeOrTrustingEveryAddressIsRefused() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("CARILLON_WEB_TRUSTED_PROXIES: '10.0.0.0/33': the prefix length must be 1-32");
        assertThatThrownBy(() -> TrustedProxies.parse("::/0")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("CARILLON_WEB_TRUSTED_PROXIES: '::/0': the prefix length must be 1-128"
                        + " (/0 would trust every address)");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1/x")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("CARILLON_WEB_TRUSTED_PROXIES: '10.0.0.1/x': the prefix length must be 1-32");
        assertThat(TrustedProxies.parse("2001:db8::/128").ranges()).containsExactly("2001:db8:0:0:0:0:0:0/128");
    }

    @Test
    void theSettingAloneDecidesWhichRemoteIpValveTomcatRuns() {
        var factory = new TomcatServletWebServerFactory();
        var access = new AccessLogValve();
        factory.addEngineValves(new RemoteIpValve(), access); // as Spring Boot adds one on a detected cloud platform
        new TrustedProxyConfiguration.Customizer(TrustedProxies.parse("")).customize(factory);
        assertThat(factory.getEngineValves()).containsExactly(access);

        new TrustedProxyConfiguration.Customizer(TrustedProxies.parse("192.0.2.10")).customize(factory);
        assertThat(factory.getEngineValves()).hasSize(2).last().isSameAs(access);
        var valve = (RemoteIpValve) factory.getEngineValves().iterator().next();
        assertThat(valve.getInternalProxies()).isEqualTo("192.0.2.10/32");
    }
}
