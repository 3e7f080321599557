package org.carillon.pbx.feature;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.security.LoginThrottle;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebClient;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, what a signed-in user sees change under them: the side menu follows the role the account holds now (a
 * promotion or demotion shows on the next page, without signing out), and wrong current passwords on "set a new web
 * password" are throttled and locked like sign-in failures, with the error beside the field, and audited.
 */
public interface SignedInUserContract extends FeatureFixture {

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(httpPort());
        assertThat(web.login(email, USER_PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        return web;
    }

    @Test
    default void forwardingHeadersChangeNothingWhileNoProxyIsTrusted() {
        // CARILLON_WEB_TRUSTED_PROXIES is empty here (the default): even 127.0.0.2, a trusted proxy in PbxWebH2IT, is
        // taken for the client, and its X-Forwarded-Proto / -For are not believed.
        WebFoundationContract.assertForwardingHeadersIgnored(httpPort(), "127.0.0.2", bean(AccountStore.class),
                bean(PasswordEncoder.class), bean(AuditLog.class), "owner");
    }

    @Test
    default void aRoleChangeShowsInTheSideMenuOnTheNextPageWithoutSigningOut() {
        String email = uniqueEmail("promoted");
        String number = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        WebClient web = signedIn(email);
        assertThat(web.get("/profile").body()).contains("id=\"menu-profile\"")
                .doesNotContain("id=\"menu-extensions\"").doesNotContain("id=\"menu-teams\"")
                .doesNotContain("id=\"menu-parking\"");

        assertThat(api().patch("/api/v1/extensions/" + number, "{\"role\":\"manager\"}").status()).isEqualTo(200);
        String promoted = web.get("/profile").body();
        assertThat(promoted).contains("id=\"menu-extensions\"").contains("id=\"menu-feature-codes\"")
                .contains("id=\"menu-audit\"").contains("id=\"menu-parking\"").doesNotContain("API tokens");
        assertThat(web.get("/extensions").statusCode()).as("and the server agrees").isEqualTo(200);
        assertThat(web.get("/account/sessions").body()).as("the platform's pages use the same menu")
                .contains("id=\"menu-extensions\"");

        assertThat(api().patch("/api/v1/extensions/" + number, "{\"role\":\"supervisor\"}").status()).isEqualTo(200);
        String demoted = web.get("/voicemail").body();
        assertThat(demoted).contains("id=\"menu-teams\"").doesNotContain("id=\"menu-extensions\"")
                .doesNotContain("id=\"menu-parking\"");
        assertThat(web.get("/extensions").statusCode()).isEqualTo(403);
    }

    @Test
    default void aSessionEndsEightHoursAfterSignInHoweverActiveItIs() {
        String email = uniqueEmail("longday");
        api().createExtension(email, "agent");
        setWebPassword(email);
        WebClient web = signedIn(email);
        assertThat(web.get("/profile").statusCode()).isEqualTo(200);
        advance(Duration.ofHours(8).minusMinutes(1));
        assertThat(web.get("/profile").statusCode()).as("still within the absolute limit").isEqualTo(200);
        advance(Duration.ofMinutes(2));
        var ended = web.get("/profile");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    default void wrongCurrentPasswordsAreThrottledLikeSignInsThenLockedAndAudited() {
        String email = uniqueEmail("guesser");
        api().createExtension(email, "agent");
        setWebPassword(email);
        WebClient web = signedIn(email);
        String fresh = "a brand new password 789";
        NoLoginWait.DELAYS.clear();
        try {
            List<String> answers = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                var wrong = web.postForm("/profile/password", Map.of("currentPassword", "guess number " + i,
                        "newPassword", fresh, "confirmPassword", fresh, "_csrf", web.csrfToken("/profile")));
                assertThat(wrong.statusCode()).isEqualTo(200);
                answers.add(wrong.body());
            }
            assertThat(answers).allMatch(b -> b.contains("id=\"currentPassword-error\"")
                    && b.contains("This is not your current password."));
            assertThat(NoLoginWait.DELAYS).as("attempts 6 to 10 waited, doubling")
                    .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                            Duration.ofSeconds(8), Duration.ofSeconds(16));

            var locked = web.postForm("/profile/password", Map.of("currentPassword", USER_PASSWORD,
                    "newPassword", fresh, "confirmPassword", fresh, "_csrf", web.csrfToken("/profile")));
            assertThat(locked.statusCode()).as("even the right password is refused while locked").isEqualTo(200);
            assertThat(locked.body()).contains("id=\"currentPassword-error\"").contains("Too many wrong passwords");
            assertThat(new Api(httpPort(), email, USER_PASSWORD).get("/api/v1/me").status())
                    .as("the same lock as sign-in").isEqualTo(401);
            // the address is locked too, so the Owner's API would be refused: read the log from the table
            List<String> lines = jdbc().sql("""
                    SELECT action || ' ' || source || ' ' || detail || ' ' || COALESCE(before_state, '') || ' '
                        || COALESCE(after_state, '') FROM audit_event WHERE object_type = 'account' AND object_id = ?
                    ORDER BY id""").param(email).query(String.class).list();
            assertThat(lines).filteredOn(l -> l.startsWith("account.password.wrong 127.0.0.1 ")).hasSize(10);
            assertThat(lines).filteredOn(l -> l.startsWith("account.password.locked 127.0.0.1 ")).hasSize(1);
            assertThat(lines).noneMatch(l -> l.startsWith("account.password "));
            assertThat(String.join("\n", lines)).doesNotContain("guess number").doesNotContain(USER_PASSWORD);
        } finally {
            bean(LoginThrottle.class).reset(); // every test here signs in from 127.0.0.1
        }
    }
}
