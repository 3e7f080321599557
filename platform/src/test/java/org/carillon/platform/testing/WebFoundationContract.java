package org.carillon.platform.testing;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.security.LoginThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Carillon web app guarantees from the foundation on (health, sign-in, API authentication, CSRF,
 * headers, error pages, throttling), run against the real server on a random port. Each app's H2 and PostgreSQL
 * test classes extend it.
 */
public abstract class WebFoundationContract {
    public static final String OWNER_PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    protected int port;
    @Autowired
    protected LoginThrottle throttle;
    @Autowired
    protected AccountStore accounts;

    /** The role the first-start account has in this app. */
    protected abstract String ownerRole();

    protected WebClient web() {
        return new WebClient(port);
    }

    @BeforeEach
    void resetThrottle() {
        throttle.reset();
        NoLoginWait.DELAYS.clear();
    }

    @Test
    void healthIsUp() {
        var response = web().getJson("/actuator/health", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void loginPageIsServedWithACsrfProtectedForm() {
        var response = web().get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sign in").contains("name=\"_csrf\"").contains("name=\"password\"");
    }

    @Test
    void pagesRedirectToTheLoginPageWhenSignedOut() {
        var response = web().get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void ownerSignsInAndSeesTheDashboard() {
        WebClient web = web();
        var login = web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        var page = web.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dashboard").contains(OwnerBootstrap.OWNER_EMAIL);
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        var unknown = web().login("nobody@example.com", OWNER_PASSWORD);
        var wrong = web().login(OwnerBootstrap.OWNER_EMAIL, "not the right password");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void ownerPasswordIsStoredAsArgon2idWithOwaspParameters() {
        var owner = accounts.findByEmail(OwnerBootstrap.OWNER_EMAIL).orElseThrow();
        assertThat(owner.passwordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(owner.role()).isEqualTo(ownerRole());
    }

    @Test
    void apiAcceptsHttpBasicWithoutCsrf() {
        var me = web().getJson("/api/v1/me", OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"owner@carillon.local\"").contains("\"role\":\"" + ownerRole() + "\"");
    }

    @Test
    void apiWithoutCredentialsAnswersAProblemAndNoBasicChallenge() {
        var response = web().getJson("/api/v1/me", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void stateChangeWithTheSessionCookieButNoCsrfTokenIsRefused() {
        WebClient web = web();
        web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        var logout = web.postForm("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(web.get("/").statusCode()).isEqualTo(200); // still signed in
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        var headers = web().get("/login").headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("object-src 'none'").contains("base-uri 'none'").contains("frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void errorPageShowsNoStackTrace() {
        WebClient web = web();
        web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        var response = web.get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void developmentMailboxIsOpenToLoopbackWhileMailIsLocal() {
        var response = web().get("/dev/mailbox");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Development mailbox");
    }

    @Test
    void tenFailedLoginsLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            web().login(OwnerBootstrap.OWNER_EMAIL, "wrong password " + i);
        }
        assertThat(NoLoginWait.DELAYS).isNotEmpty(); // attempts 6..10 were slowed down
        var locked = web().getJson("/api/v1/me", OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        WebClient web = web();
        var login = web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(web.get("/login?error").body()).contains("Too many failed sign-in attempts");
    }
}
