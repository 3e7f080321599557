package org.carillon.pbx.registrar;

import org.carillon.sip.message.header.Address;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 3261 §10.3 steps 6–8 plus the contact limit, without SIP on the wire. */
class RegistrationRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Flow SOURCE = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5070));
    private final RegistrationRules rules = new RegistrationRules(RegistrarSettings.defaults());

    private static RegisterRequest.ContactSpec contact(String uri, Long expires) {
        var a = Address.parse("<" + uri + ">");
        return new RegisterRequest.ContactSpec(a.uri(), uri, expires == null ? OptionalLong.empty()
                : OptionalLong.of(expires), uri);
    }

    private static RegisterRequest request(String callId, long cseq, Long expiresHeader,
                                           RegisterRequest.ContactSpec... contacts) {
        return new RegisterRequest(callId, cseq, false, List.of(contacts),
                expiresHeader == null ? OptionalLong.empty() : OptionalLong.of(expiresHeader), "UA", SOURCE, List.of());
    }

    private List<Binding> accepted(List<Binding> before, RegisterRequest r, Instant now) {
        var outcome = rules.apply(7, 1, before, r, now);
        assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
        return ((RegisterOutcome.Accepted) outcome).bindings();
    }

    @Test
    void addsABindingWithTheDefaultExpiry() {
        var after = accepted(List.of(), request("c1", 1, null, contact("sip:a@10.0.0.1", null)), T0);
        assertThat(after).singleElement().satisfies(b -> {
            assertThat(b.expiresAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(b.registeredAt()).isEqualTo(T0);
        });
    }

    @Test
    void contactExpiresParameterWinsOverTheHeaderAndTheMaximumCaps() {
        var after = accepted(List.of(), request("c1", 1, 120L, contact("sip:a@10.0.0.1", 7200L),
                contact("sip:b@10.0.0.1", null)), T0);
        assertThat(after).extracting(Binding::expiresAt).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(120));
    }

    @Test
    void tooBriefIs423WithTheMinimum() {
        var outcome = rules.apply(7, 1, List.of(), request("c1", 1, 59L, contact("sip:a@10.0.0.1", null)), T0);
        assertThat(outcome).isEqualTo(new RegisterOutcome.Rejected(423, 60));
    }

    @Test
    void refreshKeepsTheRegistrationTimeAndAnOldCseqIsRefused() {
        var first = accepted(List.of(), request("c1", 5, 600L, contact("sip:a@10.0.0.1", null)), T0);
        var again = accepted(first, request("c1", 6, 600L, contact("sip:a@10.0.0.1", null)), T0.plusSeconds(100));
        assertThat(again.getFirst().registeredAt()).isEqualTo(T0);
        assertThat(again.getFirst().expiresAt()).isEqualTo(T0.plusSeconds(700));
        var stale = rules.apply(7, 1, again, request("c1", 6, 600L, contact("sip:a@10.0.0.1", null)), T0);
        assertThat(stale).isEqualTo(new RegisterOutcome.Rejected(500, 0));
    }

    @Test
    void urisAreComparedAsRfc3261SaysNotAsText() {
        var first = accepted(List.of(), request("c1", 1, 600L, contact("sip:a@EXAMPLE.com:5060", null)), T0);
        var again = accepted(first, request("c2", 1, 600L, contact("sip:a@example.com:5060", null)), T0);
        assertThat(again).hasSize(1);
    }

    @Test
    void beyondFiveContactsTheOldestIsReplaced() {
        List<Binding> b = List.of();
        for (int i = 1; i <= 6; i++) {
            b = accepted(b, request("c" + i, 1, 600L, contact("sip:d" + i + "@10.0.0.1", null)), T0.plusSeconds(i));
        }
        assertThat(b).hasSize(5).extracting(Binding::contact).doesNotContain("sip:d1@10.0.0.1")
                .contains("sip:d6@10.0.0.1");
    }

    @Test
    void zeroExpiryRemovesOneContactAndTheWildcardRemovesAll() {
        var two = accepted(List.of(), request("c1", 1, 600L, contact("sip:a@10.0.0.1", null),
                contact("sip:b@10.0.0.1", null)), T0);
        var one = accepted(two, request("c1", 2, null, contact("sip:a@10.0.0.1", 0L)), T0);
        assertThat(one).extracting(Binding::contact).containsExactly("sip:b@10.0.0.1");
        var star = new RegisterRequest("c1", 3, true, List.of(), OptionalLong.of(0), "UA", SOURCE, List.of());
        assertThat(accepted(one, star, T0)).isEmpty();
        var badStar = new RegisterRequest("c1", 4, true, List.of(), OptionalLong.of(60), "UA", SOURCE, List.of());
        assertThat(rules.apply(7, 1, one, badStar, T0)).isEqualTo(new RegisterOutcome.Rejected(400, 0));
    }

    @Test
    void aQueryListsWithoutChangingAndLapsedBindingsAreGone() {
        var first = accepted(List.of(), request("c1", 1, 60L, contact("sip:a@10.0.0.1", null)), T0);
        var query = rules.apply(7, 1, first, request("c1", 2, null), T0.plusSeconds(30));
        assertThat(query).isEqualTo(new RegisterOutcome.Accepted(first, false));
        var later = rules.apply(7, 1, first, request("c1", 3, null), T0.plusSeconds(61));
        assertThat(later).isEqualTo(new RegisterOutcome.Accepted(List.of(), true));
    }
}
