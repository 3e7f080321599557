package org.carillon.portal;

import org.carillon.platform.mfa.Base32;
import org.carillon.platform.mfa.Totp;
import org.carillon.platform.testing.WebClient;
import org.carillon.portal.access.PortalRole;
import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.mfa.MfaPolicy;
import org.carillon.platform.mfa.MfaThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-step sign-in (RFC 6238 TOTP and recovery codes), required for staff and account owners. */
class MfaIT extends PortalContext {
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");
    private static final Pattern CODES = Pattern.compile("<li class=\"col-6\">([0-9A-Z]{5}-[0-9A-Z]{5})</li>");
    @Autowired
    MfaPolicy policy;
    @Autowired
    MfaThrottle throttle;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void requireMfa() {
        policy.setRequired(true);
        throttle.reset();
    }

    @AfterEach
    void optional() {
        policy.setRequired(false);
        throttle.reset();
    }

    @Test
    void ownerMustSetUpTwoStepSignInAndThenEnterACodeAtEachSignIn() {
        var customer = fixtures.customer();
        WebClient owner = web();
        owner.login(customer.ownerEmail(), PASSWORD);
        assertThat(location(owner.get("/"))).endsWith("/mfa/setup");
        assertThat(location(owner.get("/invoices"))).endsWith("/mfa/setup");

        String setup = owner.get("/mfa/setup").body();
        Matcher m = SECRET.matcher(setup);
        assertThat(m.find()).isTrue();
        byte[] secret = Base32.decode(m.group(1));
        assertThat(setup).contains("otpauth://totp/");
        var wrong = owner.postForm("/mfa/setup", Map.of("_csrf", owner.csrfToken("/mfa/setup"), "code", "000000"));
        assertThat(wrong.body()).contains("That code did not match");
        String first = Totp.code(secret, Totp.step(Instant.now()));
        var recovery = owner.postForm("/mfa/setup", Map.of("_csrf", owner.csrfToken("/mfa/setup"), "code", first));
        List<String> codes = CODES.matcher(recovery.body()).results().map(r -> r.group(1)).toList();
        assertThat(codes).hasSize(10);
        assertThat(owner.get("/").statusCode()).isEqualTo(200);

        WebClient again = web();
        again.login(customer.ownerEmail(), PASSWORD);
        assertThat(location(again.get("/"))).endsWith("/mfa/verify");
        assertThat(again.getJson("/api/v1/me", null, null).statusCode()).isEqualTo(401);
        var replay = again.postForm("/mfa/verify", Map.of("_csrf", again.csrfToken("/mfa/verify"), "code", first));
        assertThat(replay.body()).as("a code works once").contains("That code is not valid");
        String next = Totp.code(secret, Totp.step(Instant.now()) + 1);
        var passed = again.postForm("/mfa/verify", Map.of("_csrf", again.csrfToken("/mfa/verify"), "code", next));
        assertThat(location(passed)).endsWith("/");
        assertThat(again.get("/").statusCode()).isEqualTo(200);

        WebClient third = web();
        third.login(customer.ownerEmail(), PASSWORD);
        var byRecovery = third.postForm("/mfa/verify", Map.of("_csrf", third.csrfToken("/mfa/verify"),
                "code", codes.get(3).toLowerCase()));
        assertThat(location(byRecovery)).endsWith("/");
        WebClient fourth = web();
        fourth.login(customer.ownerEmail(), PASSWORD);
        var reused = fourth.postForm("/mfa/verify", Map.of("_csrf", fourth.csrfToken("/mfa/verify"),
                "code", codes.get(3)));
        assertThat(reused.body()).contains("That code is not valid");
    }

    @Test
    void staffMustSetUpTwoStepSignInButOtherRolesNeedNot() {
        WebClient staff = web();
        staff.login("owner@carillon.local", PASSWORD);
        assertThat(location(staff.get("/customers"))).endsWith("/mfa/setup");
        var customer = fixtures.customer();
        WebClient viewer = signedIn(fixtures.member(customer.id(), PortalRole.VIEWER));
        assertThat(viewer.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongCodesSignTheUserOut() {
        var customer = fixtures.customer();
        WebClient owner = web();
        owner.login(customer.ownerEmail(), PASSWORD);
        Matcher m = SECRET.matcher(owner.get("/mfa/setup").body());
        assertThat(m.find()).isTrue();
        owner.postForm("/mfa/setup", Map.of("_csrf", owner.csrfToken("/mfa/setup"),
                "code", Totp.code(Base32.decode(m.group(1)), Totp.step(Instant.now()))));
        WebClient guesser = web();
        guesser.login(customer.ownerEmail(), PASSWORD);
        String token = guesser.csrfToken("/mfa/verify");
        String last = "";
        for (int i = 0; i < 5; i++) {
            last = location(guesser.postForm("/mfa/verify", Map.of("_csrf", token, "code", "12345" + i)));
        }
        assertThat(last).endsWith("/login?error");
        assertThat(location(guesser.get("/"))).endsWith("/login");
    }

    @Test
    void tenWrongCodesOverSeveralSessionsLockTheSecondStepEvenForTheRightCode() {
        var customer = fixtures.customer();
        WebClient owner = web();
        owner.login(customer.ownerEmail(), PASSWORD);
        Matcher m = SECRET.matcher(owner.get("/mfa/setup").body());
        assertThat(m.find()).isTrue();
        byte[] secret = Base32.decode(m.group(1));
        owner.postForm("/mfa/setup", Map.of("_csrf", owner.csrfToken("/mfa/setup"),
                "code", Totp.code(secret, Totp.step(Instant.now()))));
        String right = Totp.code(secret, Totp.step(Instant.now()) + 1);
        for (int session = 0; session < 2; session++) { // each session is signed out after its fifth wrong code
            WebClient guesser = web();
            guesser.login(customer.ownerEmail(), PASSWORD);
            String token = guesser.csrfToken("/mfa/verify");
            for (int i = 0; i < 5; i++) {
                String wrong = String.format("%06d", (Integer.parseInt(right) + 1 + session * 10 + i) % 1_000_000);
                guesser.postForm("/mfa/verify", Map.of("_csrf", token, "code", wrong));
            }
        }
        WebClient again = web();
        again.login(customer.ownerEmail(), PASSWORD);
        var refused = again.postForm("/mfa/verify", Map.of("_csrf", again.csrfToken("/mfa/verify"), "code", right));
        assertThat(refused.body()).contains("Too many wrong codes for this account");
        assertThat(location(again.get("/"))).endsWith("/mfa/verify");
        assertThat(audit.latest(50)).anyMatch(e -> e.actor().equals(customer.ownerEmail())
                && e.action().equals("mfa_locked"));
    }

    private static String location(java.net.http.HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
