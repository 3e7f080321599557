package org.carillon.pbx.feature;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.registrar.BindingWriter;
import org.carillon.pbx.registrar.KeepAlive;
import org.carillon.pbx.registrar.Registrar;
import org.carillon.sip.auth.DigestAlgorithm;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The registrar over real SIP on loopback: SIPp, the stack's own digest client, a fake clock. */
public interface RegistrarContract extends FeatureFixture {

    /** number, username, password of a new extension. */
    private String[] newExtension() {
        var r = api().createExtension(uniqueEmail("phone"), "agent");
        return new String[]{r.text("number"), r.text("username"), r.text("password")};
    }

    private Api.Reply extension(String number) {
        return api().get("/api/v1/extensions/" + number);
    }

    @Test
    default void sippRegistersWithMd5RefreshesAndUnregisters() {
        String[] ext = newExtension();
        int port = TestPorts.udp();
        List<String> auth = List.of("-s", ext[0], "-au", ext[1], "-ap", ext[2]);
        var first = Sipp.run("register_auth.xml", sipPort(), port, concat(auth, "-key", "expires", "600"));
        assertThat(first.succeeded()).as(first.output()).isTrue();
        var view = extension(ext[0]);
        assertThat(view.text("status")).isEqualTo("ready");
        var reg = view.json().path("registrations").get(0);
        assertThat(reg.path("contact").asString()).isEqualTo("sip:" + ext[0] + "@127.0.0.1:" + port + ";transport=UDP");
        assertThat(reg.path("userAgent").asString()).isEqualTo("SIPp");
        assertThat(reg.path("source").asString()).isEqualTo("udp:127.0.0.1:" + port);
        String expiresAt = reg.path("expiresAt").asString();
        assertThat(expiresAt).isEqualTo(clock().instant().plusSeconds(600).toString());

        advance(Duration.ofSeconds(300));
        var refresh = Sipp.run("register_auth.xml", sipPort(), port, concat(auth, "-key", "expires", "600"));
        assertThat(refresh.succeeded()).as(refresh.output()).isTrue();
        var refreshed = extension(ext[0]).json().path("registrations");
        assertThat(refreshed.size()).isEqualTo(1);
        assertThat(refreshed.get(0).path("expiresAt").asString())
                .isEqualTo(clock().instant().plusSeconds(600).toString());

        var unregister = Sipp.run("register_auth.xml", sipPort(), port, concat(auth, "-key", "expires", "0"));
        assertThat(unregister.succeeded()).as(unregister.output()).isTrue();
        assertThat(extension(ext[0]).text("status")).isEqualTo("unregistered");
    }

    private static List<String> concat(List<String> a, String... more) {
        var l = new java.util.ArrayList<>(a);
        l.addAll(List.of(more));
        return l;
    }

    @Test
    default void theStacksClientRegistersWithSha256() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            SipResponse ok = phone.register(ext[0], ext[1], ext[2], 120);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(phone.lastChallenge().algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
            assertThat(ok.headers().first(HeaderName.CONTACT).orElseThrow()).contains("expires=120");
            assertThat(extension(ext[0]).text("status")).isEqualTo("ready");
        }
    }

    @Test
    default void wrongPasswordAndUnknownUserGetTheSameAnswerAndTenFailuresBanTheSource() {
        String[] ext = newExtension();
        var sipp = Sipp.run("register_auth.xml", sipPort(), TestPorts.udp(),
                List.of("-s", ext[0], "-au", ext[1], "-ap", "wrong-password", "-key", "expires", "600"));
        assertThat(sipp.succeeded()).isFalse();
        assertThat(sipp.output()).contains("401");
        try (var phone = new SipTestClient(sipPort())) {
            SipResponse wrong = phone.register(ext[0], ext[1], "wrong", 600);
            SipResponse unknown = phone.register("99999999", "nobody", "wrong", 600);
            assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().all(HeaderName.WWW_AUTHENTICATE)).hasSize(2);
            assertThat(unknown.headers().all(HeaderName.WWW_AUTHENTICATE)).hasSize(2);
            for (int i = 3; i < 10; i++) {
                phone.register(ext[0], ext[1], "wrong", 600);
            }
            // the tenth failure bans 127.0.0.1: even the right password is refused now
            SipResponse banned = phone.registerOnce(ext[0], List.of("<" + phone.ownContact(ext[0]) + ">"),
                    Optional.of(600L), List.of());
            assertThat(banned.statusCode()).isEqualTo(403);
            assertThat(bean(org.carillon.pbx.security.SourceBans.class).bans()).hasSize(1);
            advance(Duration.ofMinutes(16));
            assertThat(phone.register(ext[0], ext[1], ext[2], 600).statusCode()).isEqualTo(200);
        }
    }

    /** An out-of-dialog request from a device, without credentials, as a scanner sends it. */
    private static String unauthenticated(String method, String from, String to, int localPort, int serverPort,
                                          List<String> extra) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(" sip:").append(to).append("@127.0.0.1:").append(serverPort).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/UDP 127.0.0.1:").append(localPort).append(";rport;branch=z9hG4bK")
                .append(java.util.UUID.randomUUID().toString().replace("-", "")).append("\r\n");
        sb.append("Max-Forwards: 70\r\n");
        sb.append("From: <sip:").append(from).append("@127.0.0.1>;tag=s").append(localPort).append("\r\n");
        sb.append("To: <sip:").append(to).append("@127.0.0.1>\r\n");
        sb.append("Call-ID: ").append(java.util.UUID.randomUUID()).append("\r\n");
        sb.append("CSeq: 1 ").append(method).append("\r\n");
        sb.append("Contact: <sip:").append(from).append("@127.0.0.1:").append(localPort).append(">\r\n");
        for (String h : extra) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    @Test
    default void inviteAndSubscribeWithoutCredentialsAreChallengedAlikeForKnownAndUnknownCallers() {
        String[] caller = newExtension();
        String[] callee = newExtension();
        for (String method : List.of("INVITE", "SUBSCRIBE")) {
            List<String> extra = method.equals("SUBSCRIBE") ? List.of("Event: dialog", "Expires: 600",
                    "Accept: application/dialog-info+xml") : List.of();
            SipResponse known;
            SipResponse unknown;
            try (var phone = new SipTestClient(sipPort())) {
                known = phone.exchange(unauthenticated(method, caller[0], callee[0], phone.localPort(), sipPort(),
                        extra));
            }
            try (var phone = new SipTestClient(sipPort())) {
                unknown = phone.exchange(unauthenticated(method, "99999999", callee[0], phone.localPort(), sipPort(),
                        extra));
            }
            assertThat(known.statusCode()).as(method).isEqualTo(unknown.statusCode()).isEqualTo(407);
            assertThat(known.headers().all(HeaderName.PROXY_AUTHENTICATE)).as(method).hasSize(2);
            assertThat(unknown.headers().all(HeaderName.PROXY_AUTHENTICATE)).as(method).hasSize(2);
        }
        assertThat(extension(callee[0]).text("status")).isEqualTo("unregistered"); // nothing rang, nothing changed
    }

    @Test
    default void bindingsLapseOnTheInjectedClock() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(ext[0], ext[1], ext[2], 60).statusCode()).isEqualTo(200);
            advance(Duration.ofSeconds(59));
            assertThat(extension(ext[0]).text("status")).isEqualTo("ready");
            advance(Duration.ofSeconds(2));
            assertThat(extension(ext[0]).text("status")).isEqualTo("unregistered");
            // the sweep removes the lapsed binding: here, or in the background sweeper's tick just before it
            assertThat(bean(Registrar.class).sweep()).isBetween(0, 1);
            assertThat(extension(ext[0]).json().path("registrations").size()).isZero();
        }
    }

    @Test
    default void expiryBelowTheMinimumIs423WithMinExpiresAndAboveTheMaximumIsCapped() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            SipResponse brief = phone.register(ext[0], ext[1], ext[2], 30);
            assertThat(brief.statusCode()).isEqualTo(423);
            assertThat(brief.headers().first(HeaderName.MIN_EXPIRES)).contains("60");
            SipResponse capped = phone.register(ext[0], ext[1], ext[2], 86_400);
            assertThat(capped.headers().first(HeaderName.CONTACT).orElseThrow()).endsWith("expires=3600");
            SipResponse defaulted = phone.register(ext[0], ext[1], ext[2],
                    List.of("<sip:other@127.0.0.1:" + phone.localPort() + ";x=1>"), Optional.empty(), List.of());
            assertThat(defaulted.headers().all(HeaderName.CONTACT)).anyMatch(c -> c.endsWith("expires=600"));
        }
    }

    @Test
    default void atMostFiveContactsAndTheOldestIsReplaced() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            for (int i = 1; i <= 6; i++) {
                advance(Duration.ofSeconds(1));
                SipResponse r = phone.register(ext[0], ext[1], ext[2],
                        List.of("<sip:dev" + i + "@127.0.0.1:" + phone.localPort() + ">"), Optional.of(600L), List.of());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            var contacts = extension(ext[0]).json().path("registrations").findValuesAsString("contact");
            assertThat(contacts).hasSize(5).noneMatch(c -> c.contains("dev1@")).anyMatch(c -> c.contains("dev6@"));
        }
    }

    @Test
    default void oneContactOrAllWithTheWildcardAreRemoved() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            String a = "<sip:a@127.0.0.1:" + phone.localPort() + ">";
            String b = "<sip:b@127.0.0.1:" + phone.localPort() + ">";
            assertThat(phone.register(ext[0], ext[1], ext[2], List.of(a, b), Optional.of(600L), List.of())
                    .headers().all(HeaderName.CONTACT)).hasSize(2);
            SipResponse one = phone.register(ext[0], ext[1], ext[2], List.of(a + ";expires=0"), Optional.empty(),
                    List.of());
            assertThat(one.headers().all(HeaderName.CONTACT)).hasSize(1);
            SipResponse badStar = phone.register(ext[0], ext[1], ext[2], List.of("*"), Optional.of(600L), List.of());
            assertThat(badStar.statusCode()).isEqualTo(400);
            SipResponse all = phone.register(ext[0], ext[1], ext[2], List.of("*"), Optional.of(0L), List.of());
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().all(HeaderName.CONTACT)).isEmpty();
            assertThat(extension(ext[0]).text("status")).isEqualTo("unregistered");
        }
    }

    @Test
    default void aContactBehindNatIsReachedAtTheObservedSource() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            SipResponse ok = phone.register(ext[0], ext[1], ext[2],
                    List.of("<sip:" + ext[0] + "@10.1.2.3:5060>"), Optional.of(600L), List.of());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().first(HeaderName.CONTACT).orElseThrow()).contains("10.1.2.3:5060");
            var binding = bean(Registrar.class).bindings(
                    extensions().require(bean(org.carillon.pbx.tenant.TenantDirectory.class).current(), ext[0],
                            new org.carillon.pbx.extension.Actor(OWNER, org.carillon.pbx.access.Role.OWNER,
                                    Optional.empty(), "test")).id()).getFirst();
            assertThat(binding.contact()).isEqualTo("sip:" + ext[0] + "@10.1.2.3:5060");
            assertThat(binding.target()).isEqualTo("sip:" + ext[0] + "@127.0.0.1:" + phone.localPort());
            // the keep-alive goes to the observed source, so it reaches this socket
            bean(KeepAlive.class).tick();
            SipRequest ping = phone.awaitRequest(200);
            assertThat(ping.method()).isEqualTo("OPTIONS");
            assertThat(ping.rawRequestUri()).isEqualTo(binding.target());
        }
    }

    @Test
    default void anUnansweredKeepAliveMakesTheDeviceUnreachableAndAnAnswerReadyAgain() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(ext[0], ext[1], ext[2], 600).statusCode()).isEqualTo(200);
            KeepAlive keepAlive = bean(KeepAlive.class);
            keepAlive.tick();
            phone.awaitRequest(0); // received, not answered
            advance(Duration.ofSeconds(11));
            keepAlive.tick();
            assertThat(extension(ext[0]).text("status")).isEqualTo("unreachable");
            phone.awaitRequest(200); // the next round's ping, answered
            assertThat(eventually(() -> extension(ext[0]).text("status"), "ready")).isEqualTo("ready");
        }
    }

    private static String eventually(java.util.function.Supplier<String> probe, String wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String last = probe.get();
        while (!last.equals(wanted) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            last = probe.get();
        }
        return last;
    }

    @Test
    default void bindingsAreWrittenBehindToTheDatabase() {
        String[] ext = newExtension();
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(ext[0], ext[1], ext[2], 600).statusCode()).isEqualTo(200);
            bean(BindingWriter.class).flush();
            String contact = jdbc().sql("""
                    SELECT b.contact FROM sip_binding b JOIN extension e ON e.id = b.extension_id WHERE e.number = ?""")
                    .param(ext[0]).query(String.class).single();
            assertThat(contact).isEqualTo(phone.ownContact(ext[0]));
        }
    }

    /** Issue 4 (bench/register): a refresh updates its stored row in place instead of deleting and inserting it. */
    @Test
    default void aRefreshIsWrittenInPlaceAndAReplacedContactIsDeleted() {
        String[] ext = newExtension();
        String rows = """
                SELECT b.id, b.contact, b.expires_at FROM sip_binding b JOIN extension e ON e.id = b.extension_id
                WHERE e.number = ? ORDER BY b.contact""";
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(ext[0], ext[1], ext[2], 600).statusCode()).isEqualTo(200);
            bean(BindingWriter.class).flush();
            var first = jdbc().sql(rows).param(ext[0]).query().listOfRows();
            assertThat(first).hasSize(1);

            advance(Duration.ofSeconds(120));
            assertThat(phone.register(ext[0], ext[1], ext[2], 600).statusCode()).isEqualTo(200);
            bean(BindingWriter.class).flush();
            var refreshed = jdbc().sql(rows).param(ext[0]).query().listOfRows();
            assertThat(refreshed).hasSize(1);
            assertThat(refreshed.getFirst().get("id")).isEqualTo(first.getFirst().get("id"));
            assertThat(refreshed.getFirst().get("expires_at")).isNotEqualTo(first.getFirst().get("expires_at"));

            String other = "<sip:" + ext[0] + "@127.0.0.1:" + (phone.localPort() + 1) + ">";
            String own = "<" + phone.ownContact(ext[0]) + ">;expires=0";
            assertThat(phone.register(ext[0], ext[1], ext[2], List.of(own, other), Optional.of(600L), List.of())
                    .statusCode())
                    .isEqualTo(200);
            bean(BindingWriter.class).flush();
            assertThat(jdbc().sql(rows).param(ext[0]).query().listOfRows())
                    .extracting(r -> r.get("contact")).containsExactly("sip:" + ext[0] + "@127.0.0.1:"
                            + (phone.localPort() + 1));
        }
    }

    @Test
    default void scannersAndUnknownMethodsGetCheapAnswers() {
        try (var phone = new SipTestClient(sipPort())) {
            SipResponse scanner = phone.registerOnce("1000", List.of("<" + phone.ownContact("1000") + ">"),
                    Optional.of(600L), List.of("User-Agent: friendly-scanner"));
            assertThat(scanner.statusCode()).isEqualTo(403);
            assertThat(scanner.headers().contains(HeaderName.WWW_AUTHENTICATE)).isFalse();
            String options = optionsLike("OPTIONS", phone);
            assertThat(phone.exchange(options).statusCode()).isEqualTo(200);
            SipResponse unknown = phone.exchange(optionsLike("FOO", phone));
            assertThat(unknown.statusCode()).isEqualTo(501);
            SipResponse unhandled = phone.exchange(optionsLike("MESSAGE", phone));
            assertThat(unhandled.statusCode()).isEqualTo(405);
            assertThat(unhandled.headers().first(HeaderName.ALLOW).orElseThrow()).contains("REGISTER");
        }
    }

    private String optionsLike(String method, SipTestClient phone) {
        return method + " sip:127.0.0.1:" + sipPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.localPort() + ";rport;branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: " + System.nanoTime() + "@t\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
    }
}
