package org.carillon.pbx.feature;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.platform.apitoken.ApiTokenScope;
import org.carillon.platform.apitoken.ApiTokens;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's audit log: each change made through the admin or the API — extensions, roles, API tokens, the
 * license, the own password — is a line with who, what, before/after, when and from where, and never a secret.
 */
public interface AuditContract extends FeatureFixture {

    private List<JsonNode> audit(Api as, String query) {
        var r = as.get("/api/v1/audit?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private JsonNode only(List<JsonNode> items, String action) {
        var found = items.stream().filter(i -> i.path("action").asString().equals(action)).toList();
        assertThat(found).as(action + " in " + items).hasSize(1);
        return found.getFirst();
    }

    /** Every stored line as text, to prove a secret is nowhere in it. */
    private String everything() {
        return String.join("\n", jdbc().sql("SELECT actor || ' ' || action || ' ' || object_id || ' ' || detail || ' '"
                + " || COALESCE(before_state, '') || ' ' || COALESCE(after_state, '') FROM audit_event")
                .query(String.class).list());
    }

    @Test
    default void everyExtensionChangeIsLoggedWithBeforeAndAfterAndNoSipPassword() {
        String email = uniqueEmail("audited");
        var created = api().createExtension(email, "agent");
        String number = created.text("number");
        assertThat(api().patch("/api/v1/extensions/" + number, "{\"lastName\":\"Renamed\",\"mobile\":\"+49 30 1\"}")
                .status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/extensions/" + number, "{\"role\":\"supervisor\"}").status()).isEqualTo(200);
        var fresh = api().post("/api/v1/extensions/" + number + "/credentials", null);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/extensions/" + number).status()).isEqualTo(204);

        var items = audit(api(), "objectType=extension&objectId=" + number);
        assertThat(items).extracting(i -> i.path("actor").asString()).containsOnly(OWNER);
        assertThat(items).extracting(i -> i.path("source").asString()).containsOnly("127.0.0.1");
        assertThat(items).allMatch(i -> !i.path("occurredAt").asString().isEmpty());
        var create = only(items, "extension.create");
        assertThat(create.path("before").isNull()).isTrue();
        assertThat(create.path("after").path("email").asString()).isEqualTo(email);
        assertThat(create.path("after").path("role").asString()).isEqualTo("agent");
        var update = only(items, "extension.update");
        assertThat(update.path("before").path("lastName").asString()).isEqualTo("User");
        assertThat(update.path("after").path("lastName").asString()).isEqualTo("Renamed");
        assertThat(update.path("after").path("mobile").asString()).isEqualTo("+49 30 1");
        var role = only(items, "extension.role");
        assertThat(role.path("before").path("role").asString()).isEqualTo("agent");
        assertThat(role.path("after").path("role").asString()).isEqualTo("supervisor");
        var credentials = only(items, "extension.credentials");
        assertThat(credentials.path("before").path("sipUsername").asString()).isEqualTo(created.text("username"));
        assertThat(credentials.path("after").path("sipUsername").asString()).isEqualTo(fresh.text("username"));
        assertThat(credentials.path("after").path("sipPassword").asString()).isEqualTo(AuditTrail.MASK);
        var delete = only(items, "extension.delete");
        assertThat(delete.path("before").path("number").asString()).isEqualTo(number);
        assertThat(delete.path("after").isNull()).isTrue();
        assertThat(everything()).doesNotContain(created.text("password")).doesNotContain(fresh.text("password"));
    }

    @Test
    default void aChangeMadeWithAnApiTokenNamesTheTokensOwnerAndSaysSo() throws Exception {
        long owner = jdbc().sql("SELECT id FROM user_account WHERE email = ?").param(OWNER).query(Long.class).single();
        String token = bean(ApiTokens.class).create(owner, "audit via token", ApiTokenScope.FULL).secret();
        String number = api().createExtension(uniqueEmail("viatoken"), "agent").text("number");
        var http = java.net.http.HttpClient.newHttpClient();
        var patch = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort()
                        + "/api/v1/extensions/" + number)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"lastName\":\"ByToken\"}"))
                .build();
        assertThat(http.send(patch, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        var update = only(audit(api(), "objectType=extension&objectId=" + number), "extension.update");
        assertThat(update.path("actor").asString()).isEqualTo(OWNER);
        assertThat(update.path("detail").asString()).isEqualTo("via API token");
        assertThat(update.path("after").path("lastName").asString()).isEqualTo("ByToken");
    }

    @Test
    default void apiTokensAreLoggedMaskedWhenCreatedAndRevoked() {
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var made = web.postForm("/settings/api-tokens", Map.of("name", "audit script", "scope", "full",
                "_csrf", web.csrfToken("/settings/api-tokens")));
        assertThat(made.statusCode()).isEqualTo(302);
        String page = web.get("/settings/api-tokens").body();
        var secret = java.util.regex.Pattern.compile("car_[A-Za-z0-9_-]{20,}").matcher(page);
        assertThat(secret.find()).as("the new token is shown once").isTrue();
        var create = audit(api(), "objectType=api_token").stream()
                .filter(i -> i.path("after").path("name").asString().equals("audit script")).findFirst().orElseThrow();
        assertThat(create.path("action").asString()).isEqualTo("api_token.create");
        assertThat(create.path("after").path("scope").asString()).isEqualTo("full");
        assertThat(create.path("after").path("token").asString()).isEqualTo(AuditTrail.MASK);
        String id = create.path("objectId").asString();
        assertThat(web.postForm("/settings/api-tokens/" + id + "/revoke", Map.of("_csrf",
                web.csrfToken("/settings/api-tokens"))).statusCode()).isEqualTo(302);
        var revoke = only(audit(api(), "objectType=api_token&objectId=" + id), "api_token.revoke");
        assertThat(revoke.path("before").path("revoked").asBoolean()).isFalse();
        assertThat(revoke.path("after").path("revoked").asBoolean()).isTrue();
        assertThat(everything()).doesNotContain(secret.group());
    }

    @Test
    default void aLicenseInstallIsLoggedWithTheLicenseBeforeAndAfter() throws IOException {
        Path dir = Files.createTempDirectory("audit-license");
        String text = Files.readString(DevLicense.write(dir, FeatureTestBeans.START.plusSeconds(1), 100_000));
        var installed = putLicense(text);
        assertThat(installed).as("license install").isEqualTo(200);
        var entry = audit(api(), "objectType=license&actor=" + OWNER).getFirst();
        assertThat(entry.path("action").asString()).isEqualTo("license.install");
        assertThat(entry.path("objectId").asString()).isEqualTo("dev-feature-tests");
        assertThat(entry.path("after").path("extensions").asInt()).isEqualTo(100_000);
        assertThat(entry.path("after").path("state").asString()).isEqualTo("valid");
        assertThat(entry.path("before").path("licenseId").asString()).isEqualTo("dev-feature-tests");
        assertThat(everything()).doesNotContain(text.strip().lines().skip(1).findFirst().orElseThrow());
    }

    private int putLicense(String text) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort()
                            + "/api/v1/license")).header("Authorization", WebClient.basic(OWNER, OWNER_PASSWORD))
                    .header("Content-Type", "text/plain").header("Accept", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(text)).build();
            return http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void theLogIsFilteredByUserObjectAndTimeAndExportsCsv() {
        String managerEmail = uniqueEmail("auditmgr");
        api().createExtension(managerEmail, "manager");
        setWebPassword(managerEmail);
        Api manager = apiAs(managerEmail);
        String number = manager.post("/api/v1/extensions", "{\"email\":\"" + uniqueEmail("bymgr")
                + "\",\"firstName\":\"By\",\"lastName\":\"Manager\"}").text("number");
        var mine = audit(api(), "actor=" + managerEmail.toUpperCase());
        assertThat(mine).extracting(i -> i.path("objectId").asString()).containsExactly(number);
        String today = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC).plusDays(1).toString();
        assertThat(audit(manager, "actor=" + managerEmail + "&from=" + today)).hasSize(1);
        assertThat(audit(manager, "actor=" + managerEmail + "&from=" + tomorrow)).isEmpty();
        assertThat(audit(manager, "actor=" + managerEmail + "&to=" + clock().instant().minusSeconds(3600)))
                .isEmpty();
        var bad = manager.get("/api/v1/audit?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
        var csv = manager.get("/api/v1/audit?format=csv&actor=" + managerEmail);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body()).startsWith("id,occurredAt,actor,action,objectType,objectId,detail,source,before,after")
                .contains("extension.create").contains(number);
        WebClient web = new WebClient(httpPort());
        web.login(managerEmail, USER_PASSWORD);
        var page = web.get("/audit?actor=" + managerEmail + "&objectType=extension");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("extension.create").contains(number).contains("export-csv");
        assertThat(web.get("/audit?from=2026-13-45").body()).contains("must be a day");
        String kind = "paging" + SEQUENCE.incrementAndGet();
        for (int i = 0; i < 51; i++) {
            bean(AuditTrail.class).record("system", "system", "test.page", kind, Integer.toString(i), "", Map.of(),
                    Map.of("i", i));
        }
        String first = web.get("/audit?objectType=" + kind).body();
        assertThat(first).contains("1 / 2").contains("51 entries").contains("page=1");
        assertThat(web.get("/audit?objectType=" + kind + "&page=1").body()).contains("2 / 2")
                .contains("data-audit-id");
    }
}
