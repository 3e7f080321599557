package org.carillon.pbx;

import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebClient;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation contract on the PBX with its embedded H2 database, plus the PBX's API tokens. */
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoLoginWait.class)
@DirtiesContext
class PbxWebH2IT extends WebFoundationContract {
    @TempDir
    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PbxTestSettings.common(registry, () -> data);
        // The foundation contract's proxy tests: 127.0.0.2 and .3 are trusted reverse proxies here, 127.0.0.1 is not.
        registry.add("carillon.web.trusted-proxies", () -> WebFoundationContract.TRUSTED_PROXIES);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.carillon.platform.apitoken.ApiTokens tokens;

    @Override
    protected String ownerRole() {
        return "owner";
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        builder = body == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                : builder.header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebClient owner() {
        WebClient web = web();
        web.login(OwnerBootstrap.OWNER_EMAIL, OWNER_PASSWORD);
        return web;
    }

    private static String createToken(WebClient web, String name, String scope) {
        var created = web.postForm("/settings/api-tokens", Map.of("name", name, "scope", scope,
                "_csrf", web.csrfToken("/settings/api-tokens")));
        assertThat(created.statusCode()).isEqualTo(302);
        var m = Pattern.compile("id=\"token-secret\">(car_[A-Za-z0-9_-]{43})<").matcher(web.get("/settings/api-tokens").body());
        assertThat(m.find()).as("the token is shown once, right after creation").isTrue();
        assertThat(web.get("/settings/api-tokens").body()).doesNotContain(m.group(1));
        return m.group(1);
    }

    @Test
    void ownerCreatesABearerTokenThatActsAsThemUntilRevoked() throws Exception {
        WebClient web = owner();
        String token = createToken(web, "nightly export", "full");

        var me = call("GET", "/api/v1/me", token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(OwnerBootstrap.OWNER_EMAIL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR prefix = ?")
                .params(token, token).query(Long.class).single()).isZero(); // only its hash is stored

        var id = Pattern.compile("/settings/api-tokens/(\\d+)/revoke").matcher(web.get("/settings/api-tokens").body());
        assertThat(id.find()).isTrue();
        var revoke = web.postForm("/settings/api-tokens/" + id.group(1) + "/revoke",
                Map.of("_csrf", web.csrfToken("/settings/api-tokens")));
        assertThat(revoke.statusCode()).isEqualTo(302);
        assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void readOnlyTokenReadsButCannotChangeAnything() throws Exception {
        String token = createToken(owner(), "monitoring", "read_only");
        assertThat(call("GET", "/api/v1/license", token, null).statusCode()).isEqualTo(200);
        var put = call("PUT", "/api/v1/license", token, "-----BEGIN CARILLON LICENSE-----");
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("read-only");
        assertThat(call("GET", "/api/v1/me", "car_" + "x".repeat(43), null).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenFormShowsErrorsBesideTheFields() {
        WebClient web = owner();
        var page = web.postForm("/settings/api-tokens", Map.of("name", " ", "scope", "full",
                "_csrf", web.csrfToken("/settings/api-tokens")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"name-error\"").contains("is-invalid")
                .contains(">Carillon PBX</a>");   // the layout's appTitle (platform AppViewVariables)
    }

    @Test
    void tokenSearchIgnoresCaseEscapesWildcardsAndPagesInSql() {
        ApiTokenSearchCheck.searchIgnoresCaseEscapesWildcardsAndPages(tokens, jdbc.sql(
                "SELECT id FROM user_account WHERE email = ?").param(OwnerBootstrap.OWNER_EMAIL)
                .query(Long.class).single());
    }

    @Test
    void tokensAreSearchedIgnoringCaseAndPagedByTwentyFive() {
        long owner = jdbc.sql("SELECT id FROM user_account WHERE email = ?").param(OwnerBootstrap.OWNER_EMAIL)
                .query(Long.class).single();
        String tag = "Tok" + new java.util.Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        java.util.List<Long> made = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            made.add(tokens.create(owner, tag + " " + i, org.carillon.platform.apitoken.ApiTokenScope.parse("read_only"))
                    .token().id());
        }
        try {
            WebClient web = owner();
            var first = web.get("/settings/api-tokens?q=" + tag.toUpperCase());
            assertThat(first.body()).contains("id=\"token-search\"").contains("26 tokens").contains("1 / 2");
            assertThat(first.body().split("/revoke\"", -1)).hasSize(26); // 25 rows on the first page
            var second = web.get("/settings/api-tokens?q=" + tag + "&page=1");
            assertThat(second.body().split("/revoke\"", -1)).hasSize(2);
            assertThat(second.body()).contains("2 / 2").contains(tag + " 0<"); // newest first: the oldest is last
            assertThat(web.get("/settings/api-tokens?q=" + tag + "+7").body()).contains("1 token<");
            assertThat(web.get("/settings/api-tokens?q=no+such+token+anywhere").body()).contains("No tokens found.");
        } finally {
            made.forEach(id -> tokens.revoke(owner, id));
        }
    }
}
