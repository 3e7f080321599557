package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed dial and feature codes end to end: a SIPp caller dials {@code *0<code>} and reaches the target; clashes are
 * refused with the clash named in the API (400 problem details) and beside the field in the admin pages; a changed
 * feature code is what the router then uses.
 */
class SpeedDialH2IT extends CallH2Context {

    private WebClient ownerWeb() {
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        return web;
    }

    @Test
    void aSystemSpeedDialReachesItsTarget() throws Exception {
        int calleePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, calleePort);
        Calls.Ext a = Calls.newExtension(this);
        String code = Integer.toString(10 + SEQUENCE.incrementAndGet() % 80);
        var created = api().post("/api/v1/speed-dials", "{\"code\":\"" + code + "\",\"number\":\"" + b.number()
                + "\",\"label\":\"Sales\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (SippPeer callee = SippPeer.start("callee.xml", sipPort(), calleePort, List.of()).awaitBound();
             SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", "*0" + code,
                     "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number(), "-d", "300"))) {
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(callee.await()).as(callee.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(b.number());
        assertThat(api().get("/api/v1/speed-dials").body()).contains("\"code\":\"" + code + "\"")
                .contains("\"label\":\"Sales\"");
        assertThat(api().delete("/api/v1/speed-dials/" + code).status()).isEqualTo(204);
    }

    @Test
    void clashesAreRefusedInTheApiNamingTheClash() {
        var park = api().post("/api/v1/speed-dials", "{\"code\":\"700\",\"number\":\"1000\"}");
        assertThat(park.status()).isEqualTo(400);
        assertThat(park.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(park.json().path("errors").get(0).path("message").asString()).contains("park number");

        var ext = Calls.newExtension(this);
        String code = Integer.toString(100 + SEQUENCE.incrementAndGet() % 400);
        assertThat(api().post("/api/v1/speed-dials", "{\"code\":\"" + code + "\",\"number\":\"1000\","
                + "\"label\":\"Reception\"}").status()).isEqualTo(201);
        var personal = api().post("/api/v1/extensions/" + ext.number() + "/speed-dials",
                "{\"code\":\"" + code + "\",\"number\":\"1001\"}");
        assertThat(personal.status()).isEqualTo(400);
        assertThat(personal.body()).contains("already the system speed dial \\\"Reception\\\"");

        var codes = api().patch("/api/v1/feature-codes", "{\"agent_break\":\"*8\"}");
        assertThat(codes.status()).isEqualTo(400);
        assertThat(codes.json().path("errors").get(0).path("field").asString()).isEqualTo("agent_break");
        assertThat(codes.json().path("errors").get(0).path("message").asString()).contains("group pickup");
        assertThat(api().patch("/api/v1/feature-codes", "{\"no_such\":\"*1\"}").status()).isEqualTo(400);
        api().delete("/api/v1/speed-dials/" + code);
    }

    @Test
    void anAgentCannotChangeSystemSpeedDialsOrAnotherUsersOnes() {
        var other = Calls.newExtension(this);
        String email = uniqueEmail("agent");
        String mine = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        var agent = apiAs(email);
        assertThat(agent.post("/api/v1/speed-dials", "{\"code\":\"42\",\"number\":\"1000\"}").status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/extensions/" + other.number() + "/speed-dials").status()).isEqualTo(404);
        var own = agent.post("/api/v1/extensions/" + mine + "/speed-dials", "{\"code\":\"9\",\"number\":\""
                + other.number() + "\",\"label\":\"Colleague\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(agent.get("/api/v1/extensions/" + mine + "/speed-dials").body()).contains("Colleague");
    }

    @Test
    void theAdminPagesShowClashesBesideTheField() {
        WebClient web = ownerWeb();
        String csrf = web.csrfToken("/speed-dials");
        var bad = web.postForm("/speed-dials/system", Map.of("code", "701", "number", "1000", "label", "x",
                "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"sd-code-error-system\"").contains("701 is a slot of the parking lot Main (701–720).");

        csrf = web.csrfToken("/feature-codes");
        var codes = web.postForm("/feature-codes", Map.of("voicemail_own", "*8", "_csrf", csrf));
        assertThat(codes.statusCode()).isEqualTo(200);
        assertThat(codes.body()).contains("id=\"error-voicemail_own\"").contains("already the group pickup code")
                .contains("id=\"menu-feature-codes\"");
    }

    @Test
    void aChangedFeatureCodeIsWhatCallersDial() throws Exception {
        var changed = api().patch("/api/v1/feature-codes", "{\"group_pickup\":\"*9\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        try {
            int bPort = TestPorts.udp();
            Calls.Ext b = Calls.registeredSipp(this, bPort);
            Calls.Ext a = Calls.newExtension(this);
            Calls.Ext p = Calls.newExtension(this);
            try (SippPeer ringing = SippPeer.start("callee_rings.xml", sipPort(), bPort, List.of()).awaitBound();
                 SippPeer caller = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s",
                         b.number(), "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number()))) {
                Calls.awaitActiveState(this, "ringing");
                try (SippPeer picker = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", "*9",
                        "-au", p.username(), "-ap", p.password(), "-key", "caller", p.number(), "-d", "300"))) {
                    assertThat(picker.await()).as(picker.output()).isZero();
                }
                assertThat(caller.await()).as(caller.output()).isZero();
                assertThat(ringing.await()).as(ringing.output()).isZero();
            }
            assertThat(Calls.lastCallOf(this, a.number()).path("callee").asString()).isEqualTo(p.number());
        } finally {
            api().patch("/api/v1/feature-codes", "{\"group_pickup\":\"*8\"}");
        }
    }

    @Test
    void theSystemSpeedDialsAreSearchedIgnoringCaseAndPagedByTwentyFive() {
        String tag = "Sd" + new java.util.Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> made = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 26; i++) {
                String code = Integer.toString(900 + i);
                var r = api().post("/api/v1/speed-dials", "{\"code\":\"" + code + "\",\"number\":\"1000\","
                        + "\"label\":\"" + tag + " " + i + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                made.add(code);
            }
            WebClient web = ownerWeb();
            var first = web.get("/speed-dials?q=" + tag.toUpperCase());
            assertThat(first.body()).contains("id=\"speed-dial-search\"").contains("26 system speed dials")
                    .contains("1 / 2");
            assertThat(first.body().split("speed-dials/system/", -1)).hasSize(26); // a delete form per row
            var second = web.get("/speed-dials?q=" + tag + "&page=1");
            assertThat(second.body().split("speed-dials/system/", -1)).hasSize(2);
            assertThat(second.body()).contains("2 / 2");
            assertThat(web.get("/speed-dials?q=" + tag + "+3").body()).contains("1 system speed dial<");
            assertThat(web.get("/speed-dials?q=no+such+dial+anywhere").body()).contains("No speed dials found.");
        } finally {
            made.forEach(c -> api().delete("/api/v1/speed-dials/" + c));
        }
    }

    @Test
    void theFeatureCodeTableIsSearchedIgnoringCaseAndPaged() {
        WebClient web = ownerWeb();
        int all = org.carillon.pbx.routing.Feature.values().length; // fewer than a page: one page, no pager
        var everything = web.get("/feature-codes?page=3");
        assertThat(everything.body()).contains("id=\"feature-code-search\"").contains(all + " features")
                .doesNotContain("aria-label=\"Pages\"");
        assertThat(everything.body().split("id=\"code-", -1)).hasSize(all + 1);
        var voicemail = web.get("/feature-codes?q=VOICEMAIL");
        assertThat(voicemail.body().split("id=\"code-", -1)).hasSize(3);
        assertThat(voicemail.body()).contains("id=\"code-voicemail_own\"").contains("id=\"code-voicemail_any\"")
                .contains("2 features");
        assertThat(web.get("/feature-codes?q=no+such+feature").body()).contains("No feature codes found.");
    }
}
