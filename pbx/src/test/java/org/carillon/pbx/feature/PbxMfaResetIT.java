package org.carillon.pbx.feature;

import org.carillon.pbx.mfa.PbxMfaPolicy;
import org.carillon.platform.mfa.Base32;
import org.carillon.platform.mfa.MfaThrottle;
import org.carillon.platform.mfa.Totp;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Owner or Manager resets another user's two-step sign-in from the user's extension page (lost phone and
 * recovery codes): the user's sessions end, they sign in with their password alone (or are asked to set it up again
 * when the setting requires it of them), the audit log says who did it. A Manager cannot reset an Owner's or a
 * Manager's, nobody their own, and a non-admin reaches no extension page at all.
 */
class PbxMfaResetIT extends FeatureH2Context {
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");

    @BeforeEach
    @AfterEach
    void optionalAndForgotten() {
        bean(PbxMfaPolicy.class).setRequired(false);
        bean(MfaThrottle.class).reset();
    }

    @Test
    void anOwnerResetsAnAgentsSecondStepTheAgentIsSignedOutAndSignsInWithThePasswordAlone() {
        String agent = uniqueEmail("lostphone");
        String number = api().createExtension(agent, "agent").text("number");
        setWebPassword(agent);
        WebClient phoneHolder = enrolled(agent);
        assertThat(location(signedIn(agent, USER_PASSWORD).get("/profile"))).endsWith("/mfa/verify");

        WebClient owner = signedIn(OWNER, OWNER_PASSWORD);
        String page = owner.get("/extensions/" + number).body();
        assertThat(page).contains("id=\"mfa-state\"").contains(">On<").contains("id=\"mfa-reset\"");
        advance(Duration.ofSeconds(1)); // the reset counts from after the agent's sign-in
        var reset = owner.postForm("/extensions/" + number + "/mfa-reset",
                Map.of("_csrf", owner.csrfToken("/extensions/" + number)));
        assertThat(location(reset)).endsWith("/extensions/" + number);
        String after = owner.get("/extensions/" + number).body();
        assertThat(after).contains("Two-step sign-in of extension " + number + " was reset").contains(">Off<")
                .doesNotContain("id=\"mfa-reset\"");

        assertThat(location(phoneHolder.get("/profile"))).as("the sessions that passed the second step end")
                .contains("/login");
        WebClient again = signedIn(agent, USER_PASSWORD);
        assertThat(again.get("/profile").statusCode()).as("the password alone signs in").isEqualTo(200);
        assertThat(audit("extension.mfa.reset", number)).contains(OWNER).contains("two-step sign-in reset");
    }

    @Test
    void withTheSettingOnAnOwnerWhoseSecondStepWasResetMustSetItUpAgain() {
        String other = uniqueEmail("resetowner");
        String number = api().createExtension(other, "owner").text("number");
        setWebPassword(other);
        enrolled(other);

        WebClient owner = signedIn(OWNER, OWNER_PASSWORD);
        advance(Duration.ofSeconds(1));
        owner.postForm("/extensions/" + number + "/mfa-reset", Map.of("_csrf", owner.csrfToken("/extensions/" + number)));

        bean(PbxMfaPolicy.class).setRequired(true);
        WebClient again = signedIn(other, USER_PASSWORD);
        assertThat(location(again.get("/extensions"))).endsWith("/mfa/setup");
        assertThat(again.get("/mfa/setup").body()).as("a new key to enrol").contains("id=\"mfa-secret\"");
    }

    @Test
    void aManagerResetsAnAgentsButNeitherAnOwnersNorAManagersNorTheirOwnAndAnAgentNobodys() {
        String manager = uniqueEmail("resetmanager");
        String managerNumber = api().createExtension(manager, "manager").text("number");
        setWebPassword(manager);
        String otherOwner = uniqueEmail("resetowned");
        String ownerNumber = api().createExtension(otherOwner, "owner").text("number");
        setWebPassword(otherOwner);
        String otherManager = uniqueEmail("resetpeer");
        String peerNumber = api().createExtension(otherManager, "manager").text("number");
        String agent = uniqueEmail("resetagent");
        String agentNumber = api().createExtension(agent, "agent").text("number");
        setWebPassword(agent);
        enrolled(otherOwner);
        enrolled(agent);

        WebClient web = signedIn(manager, USER_PASSWORD);
        String ownerPage = web.get("/extensions/" + ownerNumber).body();
        assertThat(ownerPage).contains(">On<").doesNotContain("id=\"mfa-reset\"").contains("id=\"mfa-reset-owner-only\"");
        String csrf = web.csrfToken("/extensions/" + ownerNumber);
        assertThat(web.postForm("/extensions/" + ownerNumber + "/mfa-reset", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(web.postForm("/extensions/" + peerNumber + "/mfa-reset", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(web.postForm("/extensions/" + managerNumber + "/mfa-reset", Map.of("_csrf", csrf)).statusCode())
                .as("not one's own").isEqualTo(403);
        assertThat(location(signedIn(otherOwner, USER_PASSWORD).get("/profile"))).as("the Owner's is still on")
                .endsWith("/mfa/verify");
        assertThat(audit("extension.mfa.reset", ownerNumber)).isEmpty();

        WebClient agentWeb = signedIn(uniqueAgent(), USER_PASSWORD);
        assertThat(agentWeb.postForm("/extensions/" + agentNumber + "/mfa-reset",
                Map.of("_csrf", agentWeb.csrfToken("/profile"))).statusCode()).isEqualTo(403);

        advance(Duration.ofSeconds(1));
        assertThat(location(web.postForm("/extensions/" + agentNumber + "/mfa-reset", Map.of("_csrf", csrf))))
                .endsWith("/extensions/" + agentNumber);
        assertThat(signedIn(agent, USER_PASSWORD).get("/profile").statusCode()).isEqualTo(200);
        assertThat(audit("extension.mfa.reset", agentNumber)).contains(manager);
    }

    private String uniqueAgent() {
        String email = uniqueEmail("resetnobody");
        api().createExtension(email, "agent");
        setWebPassword(email);
        return email;
    }

    /** Signs {@code email} in and turns two-step sign-in on; the returned browser has passed the second step. */
    private WebClient enrolled(String email) {
        WebClient web = signedIn(email, USER_PASSWORD);
        Matcher m = SECRET.matcher(web.get("/mfa/setup").body());
        assertThat(m.find()).isTrue();
        String code = Totp.code(Base32.decode(m.group(1)), Totp.step(clock().instant()));
        assertThat(web.postForm("/mfa/setup", Map.of("_csrf", web.csrfToken("/mfa/setup"), "code", code)).body())
                .contains("mfa");
        assertThat(web.get("/profile").statusCode()).isEqualTo(200);
        return web;
    }

    private String audit(String action, String number) {
        return String.join("\n", jdbc().sql("""
                        SELECT actor || ' ' || detail FROM audit_event WHERE action = ? AND object_type = 'extension'
                        AND object_id = ?""").params(action, number).query(String.class).list());
    }

    private WebClient signedIn(String email, String password) {
        WebClient web = new WebClient(httpPort());
        assertThat(location(web.login(email, password))).doesNotContain("error");
        return web;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
