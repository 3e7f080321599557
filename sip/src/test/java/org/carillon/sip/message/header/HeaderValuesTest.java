package org.carillon.sip.message.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {
    @Test
    void parametersKeepOrderAndQuotesAndCompareNamesIgnoringCase() {
        Parameters p = Address.parse("<sip:a@b>;TAG=x;lr;q=\"0.5\"").params();
        assertThat(p.find("tag")).contains("x");
        assertThat(p.has("LR")).isTrue();
        assertThat(p.find("lr")).isEmpty();
        assertThat(p.find("q")).contains("0.5");
        assertThat(p.rawValue(2)).contains("\"0.5\"");
        assertThat(p.with("tag", "y").without("lr").toString()).isEqualTo(";TAG=y;q=\"0.5\"");
    }

    @Test
    void commasInsideQuotesAndAnglesDoNotSplitAList() {
        List<Address> list = Address.parseList("\"Doe, John\" <sip:j,k@a>, <sip:k@b>", "Contact");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).displayText()).contains("Doe, John");
        assertThat(list.get(1).uri()).isEqualTo(SipUri.of("k", "b"));
    }

    @Test
    void routeEntriesMustBeNameAddrs() {
        assertThatThrownBy(() -> Address.parseNameAddrList("sip:p1.example.com;lr", "Route")).isInstanceOf(SipParseException.class);
        assertThat(Address.parseNameAddrList("<sip:p1.example.com;lr>,<sip:p2.example.com;lr>", "Route")).hasSize(2);
    }

    @Test
    void wildcardContactCannotBeMixedWithAddresses() {
        assertThat(Contacts.parse(List.of("*")).wildcard()).isTrue();
        assertThatThrownBy(() -> Contacts.parse(List.of("*", "<sip:a@b>"))).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> Contacts.parse(List.of("*, <sip:a@b>"))).isInstanceOf(SipParseException.class);
    }

    @Test
    void contactExpiresSaturatesAtTwoToTheThirtyTwoMinusOne() {
        Address a = Address.parse("<sip:a@b>;expires=99999999999999");
        assertThat(a.expires()).hasValue(DeltaSeconds.MAX);
    }

    @Test
    void cseqNumberMustStayBelowTwoToTheThirtyOne() {
        assertThat(CSeq.parse("2147483647 INVITE").number()).isEqualTo(2147483647L);
        assertThatThrownBy(() -> CSeq.parse("2147483648 INVITE")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> CSeq.parse("1INVITE")).isInstanceOf(SipParseException.class);
    }

    @Test
    void authFieldReadsQuotedValuesWithCommas() {
        AuthField f = AuthField.parse("Digest realm=\"a, b\", nonce=\"n\\\"q\", algorithm=MD5, qop=\"auth,auth-int\"");
        assertThat(f.isDigest()).isTrue();
        assertThat(f.params().find("realm")).contains("a, b");
        assertThat(f.params().find("nonce")).contains("n\"q");
        assertThat(f.params().find("qop")).contains("auth,auth-int");
        assertThat(AuthField.parse(f.toString())).isEqualTo(f);
        assertThatThrownBy(() -> AuthField.parse("Digest realm=\"a\", realm=\"b\"")).isInstanceOf(SipParseException.class);
    }

    @Test
    void viaWithWhitespaceAroundSeparatorsAndIpv6SentBy() {
        Via v = Via.parseFirst("SIP / 2.0 / TCP [2001:db8::1] : 5070 ; branch = z9hG4bKx ; rport");
        assertThat(v.transport()).isEqualTo("TCP");
        assertThat(v.host()).isEqualTo("[2001:db8::1]");
        assertThat(v.port()).hasValue(5070);
        assertThat(v.hasRport()).isTrue();
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(v.toString()).isEqualTo("SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bKx;rport");
        assertThatThrownBy(() -> Via.parseFirst("SIP/2.0/UDP host;rport=70000")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> Via.parseFirst("SIP/2.0/UDPhost")).isInstanceOf(SipParseException.class);
    }
}
