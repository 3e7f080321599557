package org.carillon.pbx.feature;

import org.carillon.platform.mail.MailOutboxStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /api/v1/extensions} contract of CONTRACTS.md and issue 4, run on H2 and PostgreSQL. */
public interface ExtensionApiContract extends FeatureFixture {

    @Test
    default void createAnswers201WithGeneratedCredentials() {
        String email = uniqueEmail("ada");
        var r = api().post("/api/v1/extensions", """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "mobile": "+44 20 7946 0000"}"""
                .formatted(email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("number")).matches("[0-9]{4}");
        assertThat(Long.parseLong(r.text("number"))).isBetween(1000L, 8999L);
        assertThat(r.text("email")).isEqualTo(email);
        assertThat(r.text("firstName")).isEqualTo("Ada");
        assertThat(r.text("lastName")).isEqualTo("Lovelace");
        assertThat(r.text("mobile")).isEqualTo("+44 20 7946 0000");
        assertThat(r.text("role")).isEqualTo("agent");
        assertThat(r.text("status")).isEqualTo("unregistered");
        assertThat(r.text("username")).matches("[a-z][a-z0-9]{15}").doesNotContain(r.text("number"));
        assertThat(r.text("password")).hasSize(20);
        // stored encrypted: neither the password nor anything like it is in the row
        String sealed = jdbc().sql("SELECT sip_password_enc FROM extension WHERE number = ?").param(r.text("number"))
                .query(String.class).single();
        assertThat(sealed).doesNotContain(r.text("password"));
    }

    @Test
    default void numbersAreAssignedInOrderFromTheRange() {
        int a = Integer.parseInt(api().createExtension(uniqueEmail("a"), "agent").text("number"));
        int b = Integer.parseInt(api().createExtension(uniqueEmail("b"), "agent").text("number"));
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    default void validationErrorsNameEachField() {
        var r = api().post("/api/v1/extensions", """
                {"email": "not-an-email", "firstName": "", "lastName": "X", "mobile": "call me"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("errors");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "firstName", "mobile");
    }

    @Test
    default void readOnlyFieldsAreRefusedNamingTheField() {
        var r = api().post("/api/v1/extensions", """
                {"email": "%s", "firstName": "A", "lastName": "B", "username": "mine"}""".formatted(uniqueEmail("ro")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("username");
        var n = api().patch("/api/v1/extensions/" + api().createExtension(uniqueEmail("ro2"), "agent").text("number"),
                """
                {"password": "chosen"}""");
        assertThat(n.status()).isEqualTo(400);
        assertThat(n.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    default void unknownRoleIsAFieldError() {
        var r = api().post("/api/v1/extensions", """
                {"email": "%s", "firstName": "A", "lastName": "B", "role": "emperor"}""".formatted(uniqueEmail("r")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").path(0).path("field").asString()).as(r.body()).isEqualTo("role");
    }

    @Test
    default void duplicateEmailIsRefused() {
        String email = uniqueEmail("dup");
        api().createExtension(email, "agent");
        var r = api().post("/api/v1/extensions", """
                {"email": "%s", "firstName": "A", "lastName": "B"}""".formatted(email.toUpperCase()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("already");
    }

    @Test
    default void unknownExtensionIs404() {
        assertThat(api().get("/api/v1/extensions/99999999").status()).isEqualTo(404);
        assertThat(api().patch("/api/v1/extensions/99999999", "{\"firstName\": \"x\"}").status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/extensions/99999999").status()).isEqualTo(404);
    }

    @Test
    default void getShowsStatusAndRegistrations() {
        String number = api().createExtension(uniqueEmail("g"), "agent").text("number");
        var r = api().get("/api/v1/extensions/" + number);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("unregistered");
        assertThat(r.json().path("registrations").isArray()).isTrue();
        assertThat(r.json().has("password")).isFalse();
    }

    @Test
    default void listPagesAndSearches() {
        String tag = "zq" + SEQUENCE.incrementAndGet();
        for (int i = 0; i < 3; i++) {
            api().createExtension(tag + "x" + i + "@example.com", "agent");
        }
        var page = api().get("/api/v1/extensions?q=" + tag + "&size=2&page=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("total").asLong()).isEqualTo(3);
        assertThat(page.json().path("items").size()).isEqualTo(2);
        var second = api().get("/api/v1/extensions?q=" + tag + "&size=2&page=1");
        assertThat(second.json().path("items").size()).isEqualTo(1);
    }

    @Test
    default void patchChangesNamesAndMobileAndManagersChangeTheEmail() {
        String number = api().createExtension(uniqueEmail("p"), "agent").text("number");
        String newEmail = uniqueEmail("moved");
        var r = api().patch("/api/v1/extensions/" + number, """
                {"firstName": "Grace", "mobile": "+1 555 0100", "email": "%s"}""".formatted(newEmail));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("firstName")).isEqualTo("Grace");
        assertThat(r.text("lastName")).isEqualTo("User");
        assertThat(r.text("mobile")).isEqualTo("+1 555 0100");
        assertThat(r.text("email")).isEqualTo(newEmail);
    }

    @Test
    default void deleteRemovesTheExtensionAndItsLogin() {
        String email = uniqueEmail("del");
        String number = api().createExtension(email, "agent").text("number");
        assertThat(api().delete("/api/v1/extensions/" + number).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/extensions/" + number).status()).isEqualTo(404);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM user_account WHERE email = ?").param(email).query(Long.class)
                .single()).isZero();
    }

    @Test
    default void credentialsAreViewableAndRegeneratedNeverEdited() {
        var created = api().createExtension(uniqueEmail("c"), "agent");
        String number = created.text("number");
        var shown = api().get("/api/v1/extensions/" + number + "/credentials");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text("username")).isEqualTo(created.text("username"));
        assertThat(shown.text("password")).isEqualTo(created.text("password"));
        var fresh = api().post("/api/v1/extensions/" + number + "/credentials", null);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.text("password")).isNotEqualTo(created.text("password"));
        assertThat(fresh.text("username")).isNotEqualTo(created.text("username"));
        assertThat(api().get("/api/v1/extensions/" + number + "/credentials").text("password"))
                .isEqualTo(fresh.text("password"));
    }

    @Test
    default void welcomeMailCarriesThePhoneSettingsAndASingleUseLink() {
        String email = uniqueEmail("welcome");
        var created = api().createExtension(email, "agent");
        var mail = bean(MailOutboxStore.class).latest(50).stream().filter(m -> m.recipient().equals(email))
                .findFirst().orElseThrow();
        assertThat(mail.subject()).contains(created.text("number"));
        assertThat(mail.bodyText()).contains(created.text("username")).contains(created.text("password"))
                .contains("http://pbx.example.test/welcome?token=");
    }

    @Test
    default void openApiDocumentDescribesTheExtensionsApi() {
        var r = api().get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/extensions/{number}/credentials");
    }
}
