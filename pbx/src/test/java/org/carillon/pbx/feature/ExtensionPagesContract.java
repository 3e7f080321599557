package org.carillon.pbx.feature;

import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
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

    @Test
    default void theDirectoryIsSearchedByNameOrNumberInSql() {
        String tag = "Dq" + System.nanoTime();
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var r = api().post("/api/v1/extensions", "{\"email\":\"" + uniqueEmail("dq") + "\",\"firstName\":\"Ann\","
                    + "\"lastName\":\"" + tag + "\",\"role\":\"agent\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            made.add(r.text("number"));
        }
        WebClient web = owner();
        assertThat(web.get("/directory?q=ann+" + tag.toLowerCase()).body()).contains("3 people");
        assertThat(web.get("/directory?q=" + made.get(1)).body()).contains("data-member=\"" + made.get(1) + "\"")
                .contains("1 person<");
        assertThat(web.get("/directory?q=" + tag + "%25").body()).contains("Nobody found."); // % is no wildcard
    }

    @Test
    default void bansAreSearchedByAddressAndPagedByTwentyFive() throws Exception {
        var bans = bean(org.carillon.pbx.security.SourceBans.class);
        List<InetAddress> made = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) { // 198.51.100.0/24 is a documentation range no other test bans
            InetAddress a = InetAddress.getByName("198.51.100." + (100 + i));
            for (int f = 0; f < 10 && !bans.isBanned(a); f++) {
                bans.recordFailure(a);
            }
            made.add(a);
        }
        try {
            WebClient web = owner();
            var first = web.get("/security?q=198.51.100.");
            assertThat(first.body()).contains("id=\"ban-search\"").contains("26 banned addresses").contains("1 / 2");
            assertThat(first.body().split("name=\"address\"", -1)).hasSize(26); // 25 rows on the first page
            var second = web.get("/security?q=198.51.100.&page=1");
            assertThat(second.body().split("name=\"address\"", -1)).hasSize(2);
            assertThat(second.body()).contains("2 / 2");
            assertThat(web.get("/security?q=198.51.100.107").body()).contains("1 banned address<")
                    .contains("198.51.100.107");
            assertThat(web.get("/security?q=203.0.113.250").body()).contains("No bans found.");
        } finally {
            made.forEach(bans::lift);
        }
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
