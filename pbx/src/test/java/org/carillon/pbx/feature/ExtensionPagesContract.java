package org.carillon.pbx.feature;

import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages of Accounts ▸ Extensions and Settings ▸ Security, as the Owner uses them. */
public interface ExtensionPagesContract extends FeatureFixture {

    private WebClient owner() {
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        return web;
    }

    @Test
    default void theListSearchesAndLinksEachExtensionWithItsStatus() {
        String tag = "pg" + SEQUENCE.incrementAndGet();
        String number = api().createExtension(tag + "@example.com", "agent").text("number");
        var page = owner().get("/extensions?q=" + tag);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/extensions/" + number + "\"")
                .contains("data-status-for=\"" + number + "\"").contains("Unregistered")
                .contains("data-status-stream=\"/extensions/status-stream\"").contains("1 extensions");
        assertThat(page.body()).contains("Accounts").contains("id=\"menu-extensions\"");
    }

    @Test
    default void theCreateFormShowsErrorsBesideTheFieldsAndCreatesWithCredentialsShownOnce() {
        WebClient web = owner();
        String csrf = web.csrfToken("/extensions/new");
        var bad = web.postForm("/extensions", Map.of("email", "nope", "firstName", "", "lastName", "L",
                "mobile", "", "role", "agent", "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"email-error\"").contains("id=\"firstName-error\"")
                .doesNotContain("id=\"lastName-error\"");
        String email = uniqueEmail("form");
        var ok = web.postForm("/extensions", Map.of("email", email, "firstName", "Form", "lastName", "User",
                "mobile", "", "role", "agent", "_csrf", web.csrfToken("/extensions/new")));
        assertThat(ok.statusCode()).isEqualTo(302);
        String location = ok.headers().firstValue("Location").orElseThrow();
        var shown = web.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains("id=\"sip-password\"").contains("Voicemail settings").contains("BLF keys");
        var again = web.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(again.body()).doesNotContain("id=\"sip-password\"").contains("id=\"reveal-password\"");
    }

    @Test
    default void deletingAsksForConfirmationAndRemovesTheExtension() {
        String number = api().createExtension(uniqueEmail("pdel"), "agent").text("number");
        WebClient web = owner();
        var page = web.get("/extensions/" + number);
        assertThat(page.body()).contains("data-confirm=\"Delete extension " + number);
        var deleted = web.postForm("/extensions/" + number + "/delete", Map.of("_csrf",
                web.csrfToken("/extensions/" + number)));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/extensions/" + number).status()).isEqualTo(404);
    }

    @Test
    default void csvExportAndImportRoundTrip() {
        String tag = "csv" + SEQUENCE.incrementAndGet();
        api().createExtension(tag + "a@example.com", "agent");
        WebClient web = owner();
        var export = web.get("/extensions/export.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith("number,email,firstName,lastName,mobile,role\r\n")
                .contains(tag + "a@example.com");
        var result = extensionCsv().importCsv(tenant(), """
                email,firstName,lastName,role
                %sb@example.com,Bee,Bop,supervisor
                not-an-email,X,Y,agent
                %sc@example.com,Cee,Dee,emperor
                """.formatted(tag, tag), ownerActor());
        assertThat(result.created()).hasSize(1);
        assertThat(result.problems()).containsOnlyKeys(3, 4);
        assertThat(api().get("/api/v1/extensions?q=" + tag + "b").json().path("items").get(0).path("role").asString())
                .isEqualTo("supervisor");
    }

    @Test
    default void bansAreListedAndLiftedInSettingsSecurity() throws Exception {
        var bans = bean(org.carillon.pbx.security.SourceBans.class);
        InetAddress scanner = InetAddress.getByName("192.0.2.66");
        for (int i = 0; i < 10; i++) {
            bans.recordFailure(scanner);
        }
        WebClient web = owner();
        assertThat(web.get("/security").body()).contains("192.0.2.66");
        var lifted = web.postForm("/security/bans/lift", Map.of("address", "192.0.2.66", "_csrf",
                web.csrfToken("/security")));
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(bans.isBanned(scanner)).isFalse();
        assertThat(web.get("/security").body()).contains("No address is banned");
    }

    private org.carillon.pbx.extension.ExtensionCsv extensionCsv() {
        return bean(org.carillon.pbx.extension.ExtensionCsv.class);
    }

    private org.carillon.pbx.tenant.Tenant tenant() {
        return bean(org.carillon.pbx.tenant.TenantDirectory.class).current();
    }

    private org.carillon.pbx.extension.Actor ownerActor() {
        return new org.carillon.pbx.extension.Actor(OWNER, org.carillon.pbx.access.Role.OWNER,
                java.util.Optional.empty(), "test");
    }
}
