package org.carillon.platform.testing;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.security.LoginThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Carillon web app guarantees from the foundation on (health, sign-in, API authentication, CSRF,
 * headers, error pages, throttling), run against the real server on a random port. Each app's H2 and PostgreSQL
 * test classes extend it.
 */
public abstract class WebFoundationContract {
    public static final String OWNER_PASSWORD = "correct horse battery staple 42";
    /**
     * The reverse proxies each app's foundation-contract context trusts ({@code CARILLON_WEB_TRUSTED_PROXIES}):
     * 127.0.0.2 and 127.0.0.3 — not 127.0.0.1, where the other tests connect from — and an IPv6 range.
     */
    public static final String TRUSTED_PROXIES = "127.0.0.2/31, 2001:db8::/32";
    static final String PROXY = "127.0.0.2";
    static final String CLIENT = "203.0.113.7";
    static final String FORGED = "198.51.100.66";

    @LocalServerPort
    protected int port;
    @Autowired
    protected LoginThrottle throttle;
    @Autowired
    protected AccountStore accounts;
    @Autowired
    protected org.springframework.security.crypto.password.PasswordEncoder encoder;
    @Autowired
    protected org.carillon.platform.mail.MailOutboxStore outbox;
    @Autowired
    protected org.carillon.platform.password.AccountLinks links;
    @Autowired
    protected org.carillon.platform.audit.AuditLog audit;
    @Autowired
    protected org.carillon.platform.password.ResetRequestLimit resetLimit;

    /** The role the first-start account has in this app. */
    protected abstract String ownerRole();

    protected WebClient web() {
        return new WebClient(port);
    }

    @BeforeEach
    void resetThrottle() {
        throttle.reset();
        resetLimit.reset();
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
    void aHashMadeWithWeakerParametersIsUpgradedAtTheNextSignIn() {
        String email = "upgrade-" + System.nanoTime() + "@example.com";
        var weak = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1);
        accounts.create(email, "{argon2}" + weak.encode(OWNER_PASSWORD), ownerRole(), "Uma", "Upgrade");
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash()).contains("$m=4096,t=1,p=1$");
        web().login(email, OWNER_PASSWORD);
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash())
                .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(web().getJson("/api/v1/me", email, OWNER_PASSWORD).statusCode()).isEqualTo(200);
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
    void apiStateChangeWithTheSessionCookieNeedsTheCsrfTokenButHttpBasicDoesNot() {
        WebClient web = web();
        web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        var cookieOnly = web.postJson("/api/v1/me", "{}", null, null);
        assertThat(cookieOnly.statusCode()).isEqualTo(403); // refused by the CSRF check before any handler
        var basic = web().postJson("/api/v1/me", "{}", OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(basic.statusCode()).isEqualTo(405); // past the CSRF check: GET is the only method there
    }

    @Test
    void aJsonBodyOverOneMebibyteIsRefusedWith413BeforeSignInOrParsing() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("at most 1048576 bytes");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        var small = web().postJson("/api/v1/me", "{\"name\":\"x\"}", OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(small.statusCode()).isEqualTo(405); // a small body passes on to the API as before
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
    void errorPagesOfRequestsRefusedBeforeTheSecurityFiltersCarryTheHeadersToo() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var rejected = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/a;b/c"))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var trace = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/login"))
                .method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(trace.statusCode()).isEqualTo(405);
        for (var response : java.util.List.of(rejected, trace)) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                    .contains("object-src 'none'").contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        var notFound = web().get("/no/such/page/signed/out.css");
        assertThat(notFound.headers().allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void sessionCookieIsHttpOnlyAndLaxAndSigningInGivesTheSessionANewId() {
        WebClient web = web();
        String before = web.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"); // plain HTTP here
        String after = web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD).headers().firstValue("Set-Cookie")
                .orElseThrow();
        assertThat(after).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(after.substring(0, after.indexOf(';'))).isNotEqualTo(before.substring(0, before.indexOf(';')));
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
    void developmentMailboxRefusesRequestsThatCameThroughAProxy() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (var header : java.util.List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/dev/mailbox"))
                    .header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Development mailbox");
        }
        // From a trusted proxy: its X-Forwarded-For, used up by the remote-IP valve, may even say loopback.
        for (var headers : List.of(Map.of("X-Forwarded-For", "127.0.0.1"), Map.<String, String>of())) {
            var response = WebClient.from(port, PROXY, headers).get("/dev/mailbox");
            assertThat(response.statusCode()).as("via the proxy with " + headers).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Development mailbox");
        }
    }

    private WebClient viaProxy(String forwardedFor) {
        return WebClient.from(port, PROXY, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", forwardedFor));
    }

    @Test
    void behindATrustedProxyReportingHttpsTheSessionCookieIsSecureAndHstsIsSent() {
        var headers = viaProxy(CLIENT).get("/login").headers();
        assertThat(headers.firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly");
        assertThat(headers.firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
    }

    @Test
    void behindATrustedProxyThrottleAndAuditCountTheClientNotAForgedLeftMostEntry() {
        String email = "proxied-" + System.nanoTime() + "@example.com";
        accounts.create(email, encoder.encode(OWNER_PASSWORD), ownerRole(), "Pia", "Proxied");
        // What nginx's $proxy_add_x_forwarded_for makes of a client that sent its own X-Forwarded-For, passed on by a
        // second trusted proxy (127.0.0.3): the client is the right-most entry that is not a trusted proxy.
        for (int i = 0; i < 5; i++) {
            viaProxy(FORGED + ", " + CLIENT + ", 127.0.0.3").login(email, "wrong password " + i);
        }
        assertThat(audit.latest(50).stream().filter(e -> e.actor().equals(email)
                && e.action().equals("sign_in_failed"))).hasSize(5).allMatch(e -> e.source().equals(CLIENT));
        assertThat(throttle.check("someone-else@example.com", CLIENT).delay()).isPositive();
        for (String notTheClient : List.of(FORGED, PROXY, "127.0.0.3", "127.0.0.1")) {
            assertThat(throttle.check("someone-else@example.com", notTheClient).delay()).as(notTheClient).isZero();
        }
    }

    @Test
    void behindATrustedProxyResetRequestsAreLimitedPerClientNotPerProxy() {
        WebClient client = viaProxy("203.0.113.20");
        String csrf = client.csrfToken("/password/forgot");
        for (int i = 0; i < 10; i++) {
            var answer = client.postForm("/password/forgot", Map.of("email", "p" + i + "@example.com", "_csrf", csrf));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        assertThat(client.postForm("/password/forgot", Map.of("email", "p10@example.com", "_csrf", csrf))
                .statusCode()).isEqualTo(429);
        WebClient another = viaProxy("203.0.113.21");
        assertThat(another.postForm("/password/forgot", Map.of("email", "p11@example.com",
                "_csrf", another.csrfToken("/password/forgot"))).statusCode()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyReportingHttpsSignInRedirectsToHttps() {
        WebClient web = viaProxy(CLIENT);
        var toLogin = web.get("/account/sessions");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).doesNotStartWith("http:");
        var signedIn = web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith("https://")
                .contains("/account/sessions");
        assertThat(web.get("/account/sessions").statusCode()).isEqualTo(200);
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNoTrustedProxyChangeNothing() {
        assertForwardingHeadersIgnored(port, "127.0.0.1", accounts, encoder, audit, ownerRole());
    }

    /**
     * A request from {@code from} with a proxy's {@code X-Forwarded-Proto: https} and {@code X-Forwarded-For} is
     * taken as what its connection is: plain HTTP (no {@code Secure} cookie, no HSTS, http:// redirects) from
     * {@code from} (in the audit log). Also run by each app's shared context, which trusts no proxy.
     */
    public static void assertForwardingHeadersIgnored(int port, String from, AccountStore accounts,
                                                      org.springframework.security.crypto.password.PasswordEncoder encoder,
                                                      org.carillon.platform.audit.AuditLog audit, String role) {
        WebClient web = WebClient.from(port, from, Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-For", FORGED + ", " + CLIENT));
        var headers = web.get("/login").headers();
        assertThat(headers.firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        String email = "unproxied-" + System.nanoTime() + "@example.com";
        accounts.create(email, encoder.encode(OWNER_PASSWORD), role, "Una", "Unproxied");
        web.login(email, "a wrong password");
        assertThat(audit.latest(50)).anyMatch(e -> e.actor().equals(email) && e.action().equals("sign_in_failed")
                && e.source().equals(from));
        assertThat(web.get("/account/sessions").statusCode()).isEqualTo(302);
        assertThat(web.login(email, OWNER_PASSWORD).headers().firstValue("Location").orElseThrow())
                .startsWith("http://").contains("/account/sessions");
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
        assertThat(audit.latest(50)).anyMatch(e -> e.actor().equals(OwnerBootstrap.OWNER_EMAIL)
                && e.action().equals("sign_in_locked"));
    }

    @Test
    void signInsAndRefusedPasswordsAreAuditedWithoutWhatWasTyped() {
        String email = "audited-" + System.nanoTime() + "@example.com";
        accounts.create(email, encoder.encode(OWNER_PASSWORD), ownerRole(), "Ada", "Audit");
        web().login(email, "a wrong password typed");
        web().login("my secret typed as a name", OWNER_PASSWORD);
        assertThat(web().getJson("/api/v1/me", email, "wrong by http basic").statusCode()).isEqualTo(401);
        web().login(email, OWNER_PASSWORD);

        var events = audit.latest(50);
        assertThat(events.stream().filter(e -> e.actor().equals(email) && e.action().equals("sign_in_failed")))
                .hasSize(2).allMatch(e -> e.source().equals("127.0.0.1") || e.source().equals("0:0:0:0:0:0:0:1"));
        assertThat(events).anyMatch(e -> e.actor().equals(email) && e.action().equals("signed_in"));
        assertThat(events).anyMatch(e -> e.actor().equals("unknown") && e.action().equals("sign_in_failed"));
        assertThat(events).noneMatch(e -> (e.actor() + e.objectId() + e.detail()).contains("typed")
                || (e.actor() + e.objectId() + e.detail()).contains("http basic"));
    }

    private String linkTokenMailedTo(String email, String path) {
        var mail = outbox.latest(50).stream().filter(m -> m.recipient().equals(email)).findFirst().orElseThrow();
        var matcher = java.util.regex.Pattern.compile("(\\S+)" + java.util.regex.Pattern.quote(path)
                + "\\?token=([A-Za-z0-9_-]{43})").matcher(mail.bodyText());
        assertThat(matcher.find()).as("a link in: " + mail.bodyText()).isTrue();
        assertThat(matcher.group(1)).startsWith("http://localhost:"); // the configured base URL, not the Host header
        return matcher.group(2);
    }

    @Test
    void forgottenPasswordIsResetThroughTheEmailedLinkOnceAndOtherSessionsEnd() {
        String email = "reset-" + System.nanoTime() + "@example.com";
        String oldPassword = "old password that works";
        accounts.create(email, encoder.encode(oldPassword), ownerRole(), "Rita", "Reset");
        WebClient oldSession = web();
        oldSession.login(email, oldPassword);
        assertThat(oldSession.get("/").statusCode()).isEqualTo(200);

        WebClient web = web();
        String csrf = web.csrfToken("/password/forgot");
        var known = web.postForm("/password/forgot", Map.of("email", email, "_csrf", csrf));
        var unknown = web.postForm("/password/forgot", Map.of("email", "nobody-here@example.com", "_csrf", csrf));
        assertThat(known.body()).contains("If an account exists for that address");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).contains("If an account exists for that address");

        String token = linkTokenMailedTo(email, "/password/reset");
        assertThat(web.get("/password/reset?token=" + token).body()).contains(email).contains("New password");
        var tooShort = web.postForm("/password/reset", Map.of("token", token, "password", "short",
                "confirm", "short", "_csrf", web.csrfToken("/password/reset?token=" + token)));
        assertThat(tooShort.body()).contains("Use at least 12 characters.");
        String newPassword = "brand new password 7";
        var saved = web.postForm("/password/reset", Map.of("token", token, "password", newPassword,
                "confirm", newPassword, "_csrf", web.csrfToken("/password/reset?token=" + token)));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/login?password");

        assertThat(web.get("/password/reset?token=" + token).body()).contains("expired or has already been used");
        // Signing in with the new password in the same browser (its pre-login session is kept) stays signed in.
        web.login(email, newPassword);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(web().getJson("/api/v1/me", email, oldPassword).statusCode()).isEqualTo(401);
        assertThat(web().getJson("/api/v1/me", email, newPassword).statusCode()).isEqualTo(200);
        assertThat(oldSession.get("/").statusCode()).isEqualTo(302); // the other session was ended
        assertThat(outbox.latest(50)).anyMatch(m -> m.recipient().equals(email)
                && m.subject().contains("your password was changed"));
    }

    @Test
    void forgotPasswordMailsAnAddressThreeTimesAndRefusesASourceAfterTenRequests() {
        String email = "limited-" + System.nanoTime() + "@example.com";
        accounts.create(email, encoder.encode(OWNER_PASSWORD), ownerRole(), "Lee", "Limited");
        WebClient web = web();
        String csrf = web.csrfToken("/password/forgot");
        for (int i = 0; i < 4; i++) {
            var answer = web.postForm("/password/forgot", Map.of("email", email, "_csrf", csrf));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("If an account exists for that address");
        }
        assertThat(outbox.latest(50).stream().filter(m -> m.recipient().equals(email))).hasSize(3);
        for (int i = 4; i < 10; i++) {
            var answer = web.postForm("/password/forgot", Map.of("email", "other-" + i + "@example.com", "_csrf", csrf));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        var refused = web.postForm("/password/forgot", Map.of("email", "one-more@example.com", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many reset requests").doesNotContain("If an account exists");
    }

    @Test
    void invitedUserChoosesTheirOwnPasswordThroughTheEmailedLink() {
        String email = "invited-" + System.nanoTime() + "@example.com";
        var account = accounts.create(email, "", ownerRole(), "Ivy", "Invited");
        links.sendInvitation(account, "Welcome", "You have a new account.");
        assertThat(web().getJson("/api/v1/me", email, "").statusCode()).isEqualTo(401);

        String token = linkTokenMailedTo(email, "/welcome");
        WebClient web = web();
        assertThat(web.get("/welcome?token=" + token).body()).contains("choose your password");
        var mismatch = web.postForm("/welcome", Map.of("token", token, "password", "my own chosen words",
                "confirm", "something else entirely", "_csrf", web.csrfToken("/welcome?token=" + token)));
        assertThat(mismatch.body()).contains("The two passwords are not the same.");
        var saved = web.postForm("/welcome", Map.of("token", token, "password", "my own chosen words",
                "confirm", "my own chosen words", "_csrf", web.csrfToken("/welcome?token=" + token)));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web().getJson("/api/v1/me", email, "my own chosen words").statusCode()).isEqualTo(200);
        assertThat(web.get("/welcome?token=" + token).body()).contains("expired or has already been used");
    }

    @Test
    void userSeesTheirSessionsAndEndsAnotherOne() {
        String email = "sessions-" + System.nanoTime() + "@example.com";
        accounts.create(email, encoder.encode(OWNER_PASSWORD), ownerRole(), "Sam", "Sessions");
        WebClient here = web();
        here.login(email, OWNER_PASSWORD);
        WebClient elsewhere = web();
        elsewhere.login(email, OWNER_PASSWORD);
        assertThat(elsewhere.get("/").statusCode()).isEqualTo(200);

        String page = here.get("/account/sessions").body();
        assertThat(page).contains("this session");
        var handles = java.util.regex.Pattern.compile("/account/sessions/([0-9a-f]{24})/revoke").matcher(page);
        assertThat(handles.find()).as("the other session can be ended").isTrue();
        var revoke = here.postForm("/account/sessions/" + handles.group(1) + "/revoke",
                Map.of("_csrf", here.csrfToken("/account/sessions")));
        assertThat(revoke.statusCode()).isEqualTo(302);

        var after = elsewhere.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(here.get("/").statusCode()).isEqualTo(200);
        var foreign = here.postForm("/account/sessions/" + "0".repeat(24) + "/revoke",
                Map.of("_csrf", here.csrfToken("/account/sessions")));
        assertThat(foreign.statusCode()).isEqualTo(404);
    }
}
