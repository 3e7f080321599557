package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.team.AgentService;
import org.carillon.pbx.team.AgentState;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's API, pages and dial codes: validation answers 400 naming fields, disallowed agent transitions 409,
 * roles see and change only what they may, the admin pages show errors beside fields, the report exports CSV, and
 * {@code *45}/{@code *46} dialled from a SIPp phone log in/out and toggle break.
 */
class TeamWebH2IT extends CallH2Context {

    private long tenant() {
        return bean(TenantDirectory.class).current().id();
    }

    private String teamWith(String... members) {
        var r = api().post("/api/v1/teams", "{\"name\":\"Support\",\"strategy\":\"round_robin\",\"members\":[\""
                + String.join("\",\"", members) + "\"],\"ringSeconds\":10,\"maxWaitSeconds\":120}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("number");
    }

    @Test
    void createAssignsATeamNumberAndNewMembersStartReadyWhileExistingAgentsKeepTheirState() {
        String a = Calls.newExtension(this).number();
        String b = Calls.newExtension(this).number();
        String team = teamWith(a);
        assertThat(Integer.parseInt(team)).isBetween(600, 699);
        var got = api().get("/api/v1/teams/" + team);
        assertThat(got.json().path("strategy").asString()).isEqualTo("round_robin");
        assertThat(got.json().path("members").get(0).asString()).isEqualTo(a);
        assertThat(api().get("/api/v1/agents/" + a).text("state")).isEqualTo("ready");
        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"break\",\"auxCode\":\"lunch\"}")
                .json().path("auxCode").asString()).isEqualTo("lunch");
        teamWith(a, b); // joining a second team keeps a's break
        assertThat(api().get("/api/v1/agents/" + a).text("state")).isEqualTo("break");
        assertThat(api().get("/api/v1/agents/" + b).text("state")).isEqualTo("ready");
        assertThat(api().get("/api/v1/agents/" + a).json().path("teams").size()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedWith400NamingTheFieldAndTransitionsAreChecked() {
        String a = Calls.newExtension(this).number();
        var bad = api().post("/api/v1/teams", "{\"name\":\"\",\"number\":\"1234\",\"strategy\":\"loudest\","
                + "\"members\":[\"9999\"],\"ringSeconds\":1,\"maxWaitSeconds\":60}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"strategy\"");
        var bad2 = api().post("/api/v1/teams", "{\"name\":\"\",\"number\":\"1234\",\"strategy\":\"hunt\","
                + "\"members\":[\"9999\"],\"ringSeconds\":1,\"maxWaitSeconds\":60,"
                + "\"overflow\":{\"type\":\"team\",\"target\":\"698\"}}");
        assertThat(bad2.status()).isEqualTo(400);
        assertThat(bad2.body()).contains("\"name\"").contains("\"number\"").contains("\"members\"")
                .contains("\"ringSeconds\"").contains("\"overflow.target\"");
        assertThat(api().post("/api/v1/teams", "{\"name\":\"X\",\"strategy\":\"hunt\",\"members\":[],"
                + "\"status\":\"x\"}").status()).as("unknown field").isEqualTo(400);
        String team = teamWith(a);
        assertThat(api().post("/api/v1/teams", "{\"name\":\"Dup\",\"number\":\"" + team
                + "\",\"strategy\":\"hunt\",\"members\":[]}").body()).contains("exists already");

        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"wrap_up\"}").status())
                .isEqualTo(400);
        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"break\",\"auxCode\":\"nap\"}")
                .body()).contains("auxCode");
        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"logged_out\"}").status())
                .isEqualTo(200);
        var conflict = api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"break\"}");
        assertThat(conflict.status()).as("logged_out → break is not a transition").isEqualTo(409);
        assertThat(api().send("PUT", "/api/v1/agents/9999/state", "{\"state\":\"ready\"}").status()).isEqualTo(404);
        var history = api().get("/api/v1/agents/" + a + "/history").json();
        assertThat(history.get(0).path("to").asString()).isEqualTo("logged_out");
        assertThat(history.get(0).path("by").asString()).isEqualTo(OWNER);
    }

    @Test
    void supervisorsSeeAndChangeOnlyTheirTeamsAndAgentsOnlyThemselves() {
        String supEmail = uniqueEmail("sup");
        String sup = api().createExtension(supEmail, "supervisor").text("number");
        setWebPassword(supEmail);
        String agentEmail = uniqueEmail("agent");
        String agent = api().createExtension(agentEmail, "agent").text("number");
        setWebPassword(agentEmail);
        String other = Calls.newExtension(this).number();
        var mine = api().post("/api/v1/teams", "{\"name\":\"Mine\",\"strategy\":\"hunt\",\"members\":[\"" + agent
                + "\"],\"supervisors\":[\"" + sup + "\"]}");
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        String theirs = teamWith(other);

        var s = apiAs(supEmail);
        assertThat(s.get("/api/v1/teams").json().size()).isEqualTo(1);
        assertThat(s.get("/api/v1/teams/" + theirs).status()).isEqualTo(404);
        assertThat(s.send("PUT", "/api/v1/agents/" + agent + "/state", "{\"state\":\"break\"}").status())
                .isEqualTo(200);
        assertThat(s.send("PUT", "/api/v1/agents/" + other + "/state", "{\"state\":\"break\"}").status())
                .isEqualTo(404);
        assertThat(s.post("/api/v1/teams", "{\"name\":\"No\",\"strategy\":\"hunt\",\"members\":[]}").status())
                .isEqualTo(403);

        var a = apiAs(agentEmail);
        assertThat(a.get("/api/v1/teams").status()).isEqualTo(403);
        assertThat(a.send("PUT", "/api/v1/agents/" + agent + "/state", "{\"state\":\"ready\"}").status())
                .isEqualTo(200);
        assertThat(a.send("PUT", "/api/v1/agents/" + other + "/state", "{\"state\":\"ready\"}").status())
                .isEqualTo(404);
        assertThat(bean(AgentService.class).require(tenant(), other).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theOpenWallKeepsItsSessionAlive() {
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        assertThat(web.get("/teams/wall").body()).contains("data-alive=\"/teams/wall/alive\"");
        assertThat(web.get("/teams/wall/alive").statusCode()).isEqualTo(204);
        assertThat(web.get("/js/wall.js").body()).contains("walls.dataset.alive");
    }

    @Test
    void theTeamFormShowsErrorsBesideFieldsAndTheReportExportsCsv() {
        String a = Calls.newExtension(this).number();
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var list = web.get("/teams");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"menu-teams\"").contains("id=\"menu-wall\"");
        var bad = web.postForm("/teams", Map.of("name", "", "strategy", "hunt", "members", "9999", "ringSeconds",
                "abc", "_csrf", web.csrfToken("/teams/new")));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"ringSeconds-error\"");
        var bad2 = web.postForm("/teams", Map.of("name", "", "strategy", "hunt", "members", "9999",
                "_csrf", web.csrfToken("/teams/new")));
        assertThat(bad2.body()).contains("id=\"name-error\"").contains("id=\"members-error\"")
                .doesNotContain("id=\"strategy-error\"");
        var ok = web.postForm("/teams", Map.of("name", "Web team", "strategy", "longest_idle", "members", a,
                "maxWaitSeconds", "90", "_csrf", web.csrfToken("/teams/new")));
        assertThat(ok.statusCode()).isEqualTo(302);
        String number = api().get("/api/v1/teams").json().valueStream()
                .filter(t -> t.path("name").asString().equals("Web team")).findFirst().orElseThrow()
                .path("number").asString();
        assertThat(web.get("/teams/" + number).body()).contains("value=\"Web team\"").contains("value=\"90\"");
        var report = web.get("/teams/" + number + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<svg").contains("id=\"report\"");
        var csv = web.get("/teams/" + number + "/report.csv?from=2026-01-01&to=2026-01-03");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("date,answered,abandoned,overflowed,average_wait_seconds,"
                + "average_talk_seconds").contains("2026-01-02,0,0,0,0.0,0.0");
        var deleted = web.postForm("/teams/" + number + "/delete", Map.of("_csrf", web.csrfToken("/teams")));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/teams/" + number).status()).isEqualTo(404);
    }

    @Test
    void theTeamListIsSearchedByNameNumberOrMemberAndPaged() {
        String a = Calls.newExtension(this).number();
        String tag = "Paged" + new java.util.Random().ints(6, 'a', 'z' + 1) // letters: a number search must not hit it
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            var r = api().post("/api/v1/teams", "{\"name\":\"" + tag + " " + i + "\",\"strategy\":\"hunt\","
                    + "\"members\":[\"" + a + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            made.add(r.text("number"));
        }
        try {
            WebClient web = new WebClient(httpPort());
            web.login(OWNER, OWNER_PASSWORD);
            var first = web.get("/teams?q=" + tag.toLowerCase());
            assertThat(first.body()).contains("id=\"team-search\"").contains("26 teams").contains("1 / 2");
            assertThat(first.body().split("data-team=\"", -1)).hasSize(26); // 25 rows on the first page
            var second = web.get("/teams?q=" + tag + "&page=1");
            assertThat(second.body().split("data-team=\"", -1)).hasSize(2);
            assertThat(second.body()).contains("2 / 2");
            assertThat(web.get("/teams?q=" + made.get(3)).body()).contains(tag + " 3").contains("1 team<");
            assertThat(web.get("/teams?q=" + a).body()).contains("data-team=\"" + made.get(0) + "\"").contains("26 teams");
            assertThat(web.get("/teams?q=no+such+team+anywhere").body()).contains("No teams found.");
        } finally {
            made.forEach(n -> api().delete("/api/v1/teams/" + n));
        }
    }

    @Test
    void theTeamFormTakesOwnHoursAndShowsTheirErrorsAndLoopsBesideTheField() {
        String a = Calls.newExtension(this).number();
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var bad = web.postForm("/teams", Map.of("name", "Own hours", "strategy", "hunt", "members", a,
                "officeHours", "own", "hours.monday", "08:00-20:00, 25:00-26:00", "_csrf", web.csrfToken("/teams/new")));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"hours.monday-error\"").contains("is not a time of day")
                .contains("value=\"08:00-20:00, 25:00-26:00\"");
        var empty = web.postForm("/teams", Map.of("name", "Own hours", "strategy", "hunt", "members", a,
                "officeHours", "own", "_csrf", web.csrfToken("/teams/new")));
        assertThat(empty.body()).contains("id=\"hours-error\"");
        var ok = web.postForm("/teams", Map.of("name", "Own hours", "strategy", "hunt", "members", a,
                "officeHours", "own", "hours.monday", "08:00-20:00", "hours.saturday", "22:00-02:00",
                "exemptFromGlobalHolidays", "true", "_csrf", web.csrfToken("/teams/new")));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        String first = api().get("/api/v1/teams").json().valueStream()
                .filter(t -> t.path("name").asString().equals("Own hours")).findFirst().orElseThrow()
                .path("number").asString();
        var edit = web.get("/teams/" + first).body();
        assertThat(edit).contains("value=\"08:00-20:00\"").contains("value=\"22:00-02:00\"")
                .containsPattern("id=\"exemptFromGlobalHolidays\"[^>]*checked");
        var second = web.postForm("/teams", Map.of("name", "Second", "strategy", "hunt", "members", a,
                "officeHours", "global", "outOfHoursType", "team", "outOfHoursTarget", first,
                "_csrf", web.csrfToken("/teams/new")));
        assertThat(second.statusCode()).isEqualTo(302);
        String secondNumber = api().get("/api/v1/teams").json().valueStream()
                .filter(t -> t.path("name").asString().equals("Second")).findFirst().orElseThrow()
                .path("number").asString();
        var loop = web.postForm("/teams/" + first, Map.of("name", "Own hours", "strategy", "hunt", "members", a,
                "officeHours", "own", "hours.monday", "08:00-20:00", "outOfHoursType", "team",
                "outOfHoursTarget", secondNumber, "_csrf", web.csrfToken("/teams/" + first)));
        assertThat(loop.statusCode()).isEqualTo(200);
        assertThat(loop.body()).contains("id=\"outOfHoursTarget-error\"").contains("loop: team " + first);
        api().delete("/api/v1/teams/" + secondNumber);
        api().delete("/api/v1/teams/" + first);
    }

    @Test
    void auxCodesArePerTenantEditableAndADeletedExtensionIsNoAgentAnyMore() {
        String a = Calls.newExtension(this).number();
        teamWith(a);
        var bad = api().send("PUT", "/api/v1/aux-codes", "[{\"code\":\"Bad Code\",\"label\":\"x\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"code\"");
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var refused = web.postForm("/teams/aux-codes", Map.of("codes", "no equals sign", "_csrf",
                web.csrfToken("/teams")));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(web.get("/teams").body()).contains("id=\"codes-error\"").contains("no equals sign");
        var saved = web.postForm("/teams/aux-codes", Map.of("codes", "coaching = Coaching\nlunch = Lunch", "_csrf",
                web.csrfToken("/teams")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/aux-codes").json().get(0).path("code").asString()).isEqualTo("coaching");
        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"break\",\"auxCode\":"
                + "\"coaching\"}").status()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/v1/agents/" + a + "/state", "{\"state\":\"break\",\"auxCode\":"
                + "\"meeting\"}").status()).isEqualTo(400);
        assertThat(api().delete("/api/v1/extensions/" + a).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/agents/" + a).status()).isEqualTo(404);
        assertThat(bean(AgentService.class).find(tenant(), a)).isEmpty();
    }

    @Test
    void starFortyFiveLogsOutAndInAndStarFortySixTogglesBreakFromThePhone() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        teamWith(a.number());
        dial(a, "*45");
        assertThat(bean(AgentService.class).require(tenant(), a.number()).state()).isEqualTo(AgentState.LOGGED_OUT);
        dial(a, "*45");
        assertThat(bean(AgentService.class).require(tenant(), a.number()).state()).isEqualTo(AgentState.READY);
        dial(a, "*46");
        assertThat(bean(AgentService.class).require(tenant(), a.number()).state()).isEqualTo(AgentState.BREAK);
        dial(a, "*46");
        assertThat(bean(AgentService.class).require(tenant(), a.number()).state()).isEqualTo(AgentState.READY);
        assertThat(api().get("/api/v1/agents/" + a.number() + "/history").json().get(0).path("by").asString())
                .isEqualTo("phone");
    }

    /** The phone dials a code; the PBX answers, beeps and hangs up (the scenario answers its BYE). */
    private void dial(Calls.Ext from, String code) throws Exception {
        try (SippPeer caller = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s", code,
                "-au", from.username(), "-ap", from.password(), "-key", "caller", from.number()))) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
    }
}
