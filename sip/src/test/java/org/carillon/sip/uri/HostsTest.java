package org.carillon.sip.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carillon.sip.syntax.SipParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostsTest {
    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com.", "a-b.c1.example", "x", "192.0.2.1", "255.255.255.255",
        "[::1]", "[2001:db8::10]", "[2001:db8:0:0:0:0:0:1]", "[::ffff:192.0.2.2]", "[2001:db8:::192.0.2.1]", "[::]"})
    void acceptsHostNamesIpv4AndIpv6References(String host) {
        assertThat(Hosts.scan(host, 0, host.length())).isEqualTo(host.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a.com", "a-.com", "a..b", "256.1.1.1", "1.2.3", "1.2.3.4.5", "[2001:db8::10",
        "[1:2:3:4:5:6:7:8:9]", "[1::2::3]", "[12345::1]", "[:1]", "[g::1]", "[2001:db8::10:]"})
    void rejectsMalformedHosts(String host) {
        assertThatThrownBy(() -> {
            int end = Hosts.scan(host, 0, host.length());
            if (end != host.length()) {
                throw SipParseException.bad("trailing characters");
            }
        }).isInstanceOf(SipParseException.class);
    }
}
