package org.carillon.pbx.feature;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.pbx.cdr.CdrStore;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13's own pages: the web password (current one required) and the own call history. */
public interface OwnPagesContract extends FeatureFixture {

    private WebClient signedIn(String email, String password) {
        WebClient web = new WebClient(httpPort());
        assertThat(web.login(email, password).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return web;
    }

    private String agent(String email) {
        String number = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        return number;
    }

    @Test
    default void aNewWebPasswordNeedsTheCurrentOneAndEndsTheOtherSessionsOnly() {
        String email = uniqueEmail("pw");
        agent(email);
        WebClient web = signedIn(email, USER_PASSWORD);
        WebClient other = signedIn(email, USER_PASSWORD);
        String newPassword = "a brand new password 456";

        var wrong = web.postForm("/profile/password", Map.of("currentPassword", "not my password",
                "newPassword", newPassword, "confirmPassword", newPassword, "_csrf", web.csrfToken("/profile")));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"").contains("This is not your current password.");
        var weak = web.postForm("/profile/password", Map.of("currentPassword", USER_PASSWORD,
                "newPassword", "short", "confirmPassword", "short", "_csrf", web.csrfToken("/profile")));
        assertThat(weak.body()).contains("id=\"newPassword-error\"").contains("at least 12 characters");
        var mismatch = web.postForm("/profile/password", Map.of("currentPassword", USER_PASSWORD,
                "newPassword", newPassword, "confirmPassword", newPassword + "x", "_csrf", web.csrfToken("/profile")));
        assertThat(mismatch.body()).contains("id=\"confirmPassword-error\"");

        advance(Duration.ofSeconds(1)); // the other session signed in before the change, as in life
        var changed = web.postForm("/profile/password", Map.of("currentPassword", USER_PASSWORD,
                "newPassword", newPassword, "confirmPassword", newPassword, "_csrf", web.csrfToken("/profile")));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(web.get("/profile").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(other.get("/profile").statusCode()).as("the other session ends").isEqualTo(302);
        assertThat(new Api(httpPort(), email, newPassword).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(apiAs(email).get("/api/v1/me").status()).isEqualTo(401);
        var logged = api().get("/api/v1/audit?objectType=account&objectId=" + email);
        assertThat(logged.json().path("items").get(0).path("action").asString()).isEqualTo("account.password");
        assertThat(logged.body()).doesNotContain(newPassword).doesNotContain(USER_PASSWORD);
    }

    @Test
    default void mySchedulePageTellsAnAccountWithoutAnExtensionSoInsteadOfNotFound() {
        WebClient owner = signedIn(OWNER, OWNER_PASSWORD); // the first-start Owner has no extension
        var page = owner.get("/my/schedule");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-extension\"").contains("has no schedule or call");
    }

    @Test
    default void blfKeysMenuEntryTellsAnAccountWithoutAnExtensionSoInsteadOfTheExtensionList() {
        WebClient owner = signedIn(OWNER, OWNER_PASSWORD); // the first-start Owner has no extension
        var page = owner.get("/blf-keys");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-extension\"").contains("no phone whose BLF keys")
                .containsPattern("class=\"[^\"]*active[^\"]*\" id=\"menu-blf-keys\"")
                .doesNotContainPattern("class=\"[^\"]*active[^\"]*\" id=\"menu-extensions\"");
    }

    @Test
    default void theOwnCallHistoryShowsOnlyTheUsersOwnCalls() {
        String email = uniqueEmail("mycalls");
        String mine = agent(email);
        String colleague = api().createExtension(uniqueEmail("colleague"), "agent").text("number");
        String third = api().createExtension(uniqueEmail("third"), "agent").text("number");
        long tenant = bean(TenantDirectory.class).current().id();
        Instant t = clock().instant();
        var cdr = bean(CdrStore.class);
        cdr.insert(new CallRecord(UUID.randomUUID().toString(), tenant, mine, colleague, Optional.of(colleague), t,
                Optional.of(t), t.plusSeconds(42), CallResult.ANSWERED, 200, "caller", List.of()));
        cdr.insert(new CallRecord(UUID.randomUUID().toString(), tenant, third, mine, Optional.empty(), t,
                Optional.empty(), t.plusSeconds(20), CallResult.NO_ANSWER, 487, "caller", List.of()));
        cdr.insert(new CallRecord(UUID.randomUUID().toString(), tenant, colleague, third, Optional.of(third), t,
                Optional.of(t), t.plusSeconds(7), CallResult.ANSWERED, 200, "callee", List.of()));
        WebClient web = signedIn(email, USER_PASSWORD);
        var page = web.get("/profile/calls");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("42 s").contains("Outgoing").contains("Incoming").contains("no answer")
                .doesNotContain("7 s").contains("2 calls");
        assertThat(web.get("/profile").body()).contains("My devices").contains("href=\"/profile/calls\"");
        assertThat(apiAs(email).get("/api/v1/calls").json().path("total").asLong()).isEqualTo(2);
    }
}
