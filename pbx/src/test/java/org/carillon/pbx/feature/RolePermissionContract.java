package org.carillon.pbx.feature;

import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2.9 server-side, per role: what Owner, Manager, Supervisor and Agent may do with extensions. */
public interface RolePermissionContract extends FeatureFixture {

    /** Creates a user with a web password; returns its extension number. */
    private String user(String email, String role) {
        String number = api().createExtension(email, role).text("number");
        setWebPassword(email);
        return number;
    }

    @Test
    default void agentsAndSupervisorsSeeOnlyTheirOwnExtension() {
        for (String role : new String[]{"agent", "supervisor"}) {
            String email = uniqueEmail(role);
            String own = user(email, role);
            String other = api().createExtension(uniqueEmail("other"), "agent").text("number");
            Api as = apiAs(email);
            assertThat(as.get("/api/v1/extensions/" + own).status()).isEqualTo(200);
            assertThat(as.get("/api/v1/extensions/" + other).status()).isEqualTo(404);
            assertThat(as.get("/api/v1/extensions").status()).isEqualTo(403);
            assertThat(as.post("/api/v1/extensions", "{\"email\":\"x@example.com\",\"firstName\":\"a\",\"lastName\":\"b\"}")
                    .status()).isEqualTo(403);
            assertThat(as.delete("/api/v1/extensions/" + other).status()).isEqualTo(403);
            assertThat(as.get("/api/v1/extensions/" + own + "/credentials").status()).isEqualTo(403);
            assertThat(as.post("/api/v1/extensions/" + own + "/credentials", null).status()).isEqualTo(403);
        }
    }

    @Test
    default void anAgentChangesOwnNamesButNotTheEmailOrRole() {
        String email = uniqueEmail("self");
        String own = user(email, "agent");
        Api as = apiAs(email);
        var names = as.patch("/api/v1/extensions/" + own, "{\"firstName\": \"Me\", \"mobile\": \"+49 30 1234567\"}");
        assertThat(names.status()).as(names.body()).isEqualTo(200);
        assertThat(names.text("firstName")).isEqualTo("Me");
        var mail = as.patch("/api/v1/extensions/" + own, "{\"email\": \"" + uniqueEmail("new") + "\"}");
        assertThat(mail.status()).isEqualTo(400);
        assertThat(mail.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
        var role = as.patch("/api/v1/extensions/" + own, "{\"role\": \"owner\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
    }

    @Test
    default void managersManageExtensionsButOnlyOwnersGiveAdminRoles() {
        String email = uniqueEmail("mgr");
        user(email, "manager");
        Api manager = apiAs(email);
        var agent = manager.post("/api/v1/extensions", "{\"email\":\"" + uniqueEmail("byMgr")
                + "\",\"firstName\":\"a\",\"lastName\":\"b\"}");
        assertThat(agent.status()).isEqualTo(201);
        assertThat(manager.get("/api/v1/extensions/" + agent.text("number") + "/credentials").status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/extensions", "{\"email\":\"" + uniqueEmail("o")
                + "\",\"firstName\":\"a\",\"lastName\":\"b\",\"role\":\"owner\"}").status()).isEqualTo(403);
        assertThat(manager.patch("/api/v1/extensions/" + agent.text("number"), "{\"role\":\"manager\"}").status())
                .isEqualTo(403);
        assertThat(api().patch("/api/v1/extensions/" + agent.text("number"), "{\"role\":\"manager\"}").text("role"))
                .isEqualTo("manager");
    }

    @Test
    default void adminPagesAreRefusedToAgentsWhoLandOnTheirProfile() {
        String email = uniqueEmail("pages");
        String own = user(email, "agent");
        WebClient web = new WebClient(httpPort());
        web.login(email, USER_PASSWORD);
        assertThat(web.get("/extensions").statusCode()).isEqualTo(403);
        assertThat(web.get("/extensions/" + own).statusCode()).isEqualTo(403);
        assertThat(web.get("/security").statusCode()).isEqualTo(403);
        assertThat(web.get("/extensions/export.csv").statusCode()).isEqualTo(403);
        var home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/profile");
        var profile = web.get("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains(own).contains(email).doesNotContain("menu-extensions");
        var saved = web.postForm("/profile", Map.of("firstName", "Changed", "lastName", "Name", "mobile", "",
                "_csrf", web.csrfToken("/profile")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get("/profile").body()).contains("Changed");
    }

    @Test
    default void managersSeeTheAdminPages() {
        String email = uniqueEmail("mgrpages");
        user(email, "manager");
        WebClient web = new WebClient(httpPort());
        web.login(email, USER_PASSWORD);
        assertThat(web.get("/extensions").statusCode()).isEqualTo(200);
        assertThat(web.get("/security").statusCode()).isEqualTo(200);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        // the extension page offers a Manager only the roles a Manager may give, and only on non-admins
        String agent = api().createExtension(uniqueEmail("mgrsees"), "agent").text("number");
        String page = web.get("/extensions/" + agent).body();
        assertThat(page).contains("name=\"role\"").contains("value=\"supervisor\"").doesNotContain("value=\"owner\"");
        String otherManager = api().createExtension(uniqueEmail("mgr2"), "manager").text("number");
        assertThat(web.get("/extensions/" + otherManager).body()).doesNotContain("name=\"role\"");
    }

    @Test
    default void theLastOwnerCannotBeDemotedButOneOfTwoOwnersCan() {
        String first = uniqueEmail("owner1");
        String firstNumber = user(first, "owner");
        String second = uniqueEmail("owner2");
        String secondNumber = user(second, "owner");
        // two Owners besides the first-start one: one may demote another
        var demoted = apiAs(first).patch("/api/v1/extensions/" + secondNumber, "{\"role\":\"manager\"}");
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        // with every other Owner disabled (the first-start one, those of other tests), `first` is the last one
        List<Long> others = jdbc().sql("SELECT id FROM user_account WHERE role = 'owner' AND enabled = TRUE"
                + " AND email <> ?").param(first).query(Long.class).list();
        others.forEach(id -> jdbc().sql("UPDATE user_account SET enabled = FALSE WHERE id = ?").param(id).update());
        try {
            var refused = apiAs(first).patch("/api/v1/extensions/" + firstNumber, "{\"role\":\"manager\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("last Owner");
            assertThat(apiAs(first).get("/api/v1/extensions/" + firstNumber).text("role")).isEqualTo("owner");
            assertThat(apiAs(first).delete("/api/v1/extensions/" + firstNumber).status()).isEqualTo(403);
            assertThat(apiAs(second).delete("/api/v1/extensions/" + firstNumber).status()).isEqualTo(403);
            assertThat(apiAs(first).get("/api/v1/extensions/" + firstNumber).status()).isEqualTo(200);
        } finally {
            others.forEach(id -> jdbc().sql("UPDATE user_account SET enabled = TRUE WHERE id = ?").param(id).update());
        }
    }

    @Test
    default void aDemotedOwnerLosesTheOwnerPagesOnTheNextRequestWithoutSigningInAgain() {
        String email = uniqueEmail("demoted");
        String number = user(email, "owner");
        WebClient web = new WebClient(httpPort());
        web.login(email, USER_PASSWORD);
        assertThat(web.get("/settings/license").statusCode()).isEqualTo(200);
        assertThat(api().patch("/api/v1/extensions/" + number, "{\"role\":\"agent\"}").status()).isEqualTo(200);
        assertThat(web.get("/settings/license").statusCode()).isEqualTo(403);
        assertThat(web.get("/extensions").statusCode()).isEqualTo(403);
        assertThat(web.get("/profile").statusCode()).isEqualTo(200);
    }
}
