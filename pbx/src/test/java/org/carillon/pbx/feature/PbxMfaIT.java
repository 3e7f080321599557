package org.carillon.pbx.feature;

import org.carillon.pbx.mfa.PbxMfaPolicy;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.apitoken.ApiTokenScope;
import org.carillon.platform.apitoken.ApiTokens;
import org.carillon.platform.mfa.Base32;
import org.carillon.platform.mfa.MfaThrottle;
import org.carillon.platform.mfa.Totp;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step sign-in on the PBX (the platform's TOTP and recovery codes): optional for every user, required for
 * Owners when {@code carillon.pbx.mfa.required} is on. Codes are computed from the PBX's own (test) clock.
 */
class PbxMfaIT extends FeatureH2Context {
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");
    private static final Pattern CODES = Pattern.compile("<li class=\"col-6\">([0-9A-Z]{5}-[0-9A-Z]{5})</li>");

    @BeforeEach
    @AfterEach
    void optionalAndForgotten() {
        bean(PbxMfaPolicy.class).setRequired(false);
        bean(MfaThrottle.class).reset();
    }

    @Test
    void aUserWhoTurnsItOnMustEnterACodeBeforeAnyPageAndEachCodeWorksOnce() throws Exception {
        String email = uniqueEmail("twostep");
        api().createExtension(email, "agent");
        setWebPassword(email);
        WebClient web = signedIn(email);
        assertThat(web.get("/profile").body()).as("the link to set it up").contains("href=\"/mfa/setup\"");

        Matcher m = SECRET.matcher(web.get("/mfa/setup").body());
        assertThat(m.find()).isTrue();
        byte[] secret = Base32.decode(m.group(1));
        var wrong = web.postForm("/mfa/setup", Map.of("_csrf", web.csrfToken("/mfa/setup"), "code", "000000"));
        assertThat(wrong.body()).contains("That code did not match");
        String first = code(secret, 0);
        var recovery = web.postForm("/mfa/setup", Map.of("_csrf", web.csrfToken("/mfa/setup"), "code", first));
        List<String> codes = CODES.matcher(recovery.body()).results().map(r -> r.group(1)).toList();
        assertThat(codes).hasSize(10);
        assertThat(web.get("/profile").statusCode()).as("this session passed with the set-up code").isEqualTo(200);

        WebClient again = signedIn(email);
        assertThat(location(again.get("/profile"))).endsWith("/mfa/verify");
        assertThat(location(again.get("/"))).endsWith("/mfa/verify");
        var replay = again.postForm("/mfa/verify", Map.of("_csrf", again.csrfToken("/mfa/verify"), "code", first));
        assertThat(replay.body()).as("the set-up code works once").contains("That code is not valid");
        String next = code(secret, 1);
        assertThat(location(again.postForm("/mfa/verify",
                Map.of("_csrf", again.csrfToken("/mfa/verify"), "code", next)))).endsWith("/");
        assertThat(again.get("/profile").statusCode()).isEqualTo(200);

        WebClient third = signedIn(email);
        var reused = third.postForm("/mfa/verify", Map.of("_csrf", third.csrfToken("/mfa/verify"), "code", next));
        assertThat(reused.body()).as("a used code is refused").contains("That code is not valid");
        assertThat(location(third.postForm("/mfa/verify",
                Map.of("_csrf", third.csrfToken("/mfa/verify"), "code", codes.get(2))))).endsWith("/");
        assertThat(third.get("/profile").statusCode()).isEqualTo(200);

        WebClient fourth = signedIn(email);
        var spent = fourth.postForm("/mfa/verify", Map.of("_csrf", fourth.csrfToken("/mfa/verify"),
                "code", codes.get(2)));
        assertThat(spent.body()).as("a recovery code works once").contains("That code is not valid");
        assertThat(location(fourth.get("/profile"))).endsWith("/mfa/verify");

        assertThat(meStatus("Basic " + Base64.getEncoder().encodeToString(
                (email + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8))))
                .as("the password alone no longer opens the API").isEqualTo(401);
        long account = bean(AccountStore.class).findByEmail(email).orElseThrow().id();
        String token = bean(ApiTokens.class).create(account, "script", ApiTokenScope.READ_ONLY).secret();
        assertThat(meStatus("Bearer " + token)).as("an API token is a credential of its own").isEqualTo(200);
    }

    @Test
    void withTheSettingOnAnOwnerWithoutItIsSentToSetUpButOtherRolesAreNot() {
        bean(PbxMfaPolicy.class).setRequired(true);
        String owner = uniqueEmail("mfaowner");
        api().createExtension(owner, "owner");
        setWebPassword(owner);
        String agent = uniqueEmail("mfaagent");
        api().createExtension(agent, "agent");
        setWebPassword(agent);

        WebClient web = signedIn(owner);
        assertThat(location(web.get("/"))).endsWith("/mfa/setup");
        assertThat(location(web.get("/extensions"))).endsWith("/mfa/setup");
        assertThat(web.get("/mfa/setup").body()).contains("id=\"mfa-secret\"");
        assertThat(signedIn(agent).get("/profile").statusCode()).isEqualTo(200);

        bean(PbxMfaPolicy.class).setRequired(false);
        assertThat(signedIn(owner).get("/extensions").statusCode()).as("off by default").isEqualTo(200);
    }

    /** The code {@code ahead} 30-second steps after the PBX's clock now. */
    private String code(byte[] secret, int ahead) {
        return Totp.code(secret, Totp.step(clock().instant()) + ahead);
    }

    private int meStatus(String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/api/v1/me"))
                .header("Authorization", authorization).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(httpPort());
        assertThat(location(web.login(email, USER_PASSWORD))).doesNotContain("error");
        return web;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
