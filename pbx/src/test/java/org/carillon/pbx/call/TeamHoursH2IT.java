package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 (team office hours, applied with the schedules of issue 12): a team that follows the global schedule
 * sends callers, outside office hours by the fake clock, to its own out-of-hours destination or else the global
 * Non-Office-Hours Action, unanswered and never queued; the call history names the rule. SIPp callers and phones.
 */
class TeamHoursH2IT extends CallH2Context {
    private String zoneBefore;

    @BeforeEach
    void rememberZone() {
        zoneBefore = api().get("/api/v1/schedule").json().path("timeZone").asString();
    }

    @AfterEach
    void reopen() {
        api().get("/api/v1/schedule/holidays").json()
                .forEach(h -> api().delete("/api/v1/schedule/holidays/" + h.path("id").asString()));
        var r = api().put("/api/v1/schedule", "{\"timeZone\":\"" + zoneBefore + "\",\"officeHours\":{},"
                + "\"breakHours\":{},\"nonOfficeHoursAction\":{\"type\":\"voicemail\",\"target\":\"\"},"
                + "\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Office hours only tomorrow (by the fake clock, in UTC): the tenant is closed now, "outside office hours". */
    private void closeTodayWith(String nonOfficeAction) {
        String tomorrow = clock().instant().atZone(ZoneOffset.UTC).getDayOfWeek().plus(1).name()
                .toLowerCase(Locale.ROOT);
        var r = api().put("/api/v1/schedule", "{\"timeZone\":\"UTC\",\"officeHours\":{\"" + tomorrow
                + "\":[\"09:00-17:00\"]},\"breakHours\":{},\"nonOfficeHoursAction\":" + nonOfficeAction
                + ",\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String team(Calls.Ext member, String extra) {
        var r = api().post("/api/v1/teams", "{\"name\":\"Office hours\",\"strategy\":\"hunt\",\"members\":[\""
                + member.number() + "\"],\"ringSeconds\":5,\"officeHours\":\"global\"" + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("number");
    }

    private long queued(String team) {
        long tenant = bean(org.carillon.pbx.tenant.TenantDirectory.class).current().id();
        long id = bean(org.carillon.pbx.team.TeamService.class).require(tenant, team).id();
        return jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?").param(id).query(Long.class).single();
    }

    private SippPeer caller(String scenario, Calls.Ext a, String team) throws Exception {
        return SippPeer.start(scenario, sipPort(), TestPorts.udp(), List.of("-s", team, "-au", a.username(), "-ap",
                a.password(), "-key", "caller", a.number(), "-d", "500"));
    }

    /** A call to {@code team} is answered by {@code afterHours}'s SIPp phone, never queued, the rule in its history. */
    private void callGoesOutOfHours(String team, Calls.Ext afterHours, int afterHoursPort) throws Exception {
        callEndsAt(team, afterHours, afterHoursPort, "team_" + team + "_outside_office_hours");
    }

    /** A call to the closed {@code team} is answered by {@code at}'s SIPp phone, never queued, {@code rule} recorded. */
    private void callEndsAt(String team, Calls.Ext at, int atPort, String rule) throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer phone = SippPeer.start("callee.xml", sipPort(), atPort, List.of()).awaitBound();
             SippPeer call = caller("caller.xml", a, team)) {
            assertThat(call.await()).as(call.output()).isZero();
            assertThat(phone.await()).as(phone.output()).isZero();
        }
        JsonNode row = Calls.lastCallOf(this, a.number());
        assertThat(row.path("callee").asString()).isEqualTo(at.number());
        assertThat(row.path("transfers").get(0).asString())
                .isEqualTo("forward:schedule:extension:" + at.number() + ":" + rule);
        assertThat(queued(team)).as("never queued").isZero();
    }

    @Test
    void aCallOutsideTheTeamsOfficeHoursRingsItsOutOfHoursExtensionAndTheHistorySaysWhy() throws Exception {
        int afterHoursPort = TestPorts.udp();
        Calls.Ext afterHours = Calls.registeredSipp(this, afterHoursPort);
        Calls.Ext agent = Calls.newExtension(this); // never rung: its phone is not even there
        String team = team(agent, ",\"outOfHours\":{\"type\":\"extension\",\"target\":\"" + afterHours.number()
                + "\"}");
        closeTodayWith("{\"type\":\"hangup\",\"target\":\"busy\"}");
        // the after-hours extension keeps its own (empty, so always open) hours: it rings while the tenant is closed
        var own = api().put("/api/v1/extensions/" + afterHours.number() + "/schedule",
                "{\"ownHours\":true,\"officeHours\":{}}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        callGoesOutOfHours(team, afterHours, afterHoursPort);
    }

    @Test
    void withoutItsOwnDestinationAClosedTeamUsesTheGlobalNonOfficeHoursAction() throws Exception {
        Calls.Ext agent = Calls.newExtension(this);
        String team = team(agent, "");
        closeTodayWith("{\"type\":\"hangup\",\"target\":\"busy\"}");
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer call = caller("caller_refused.xml", a, team)) {
            assertThat(call.await()).as(call.output()).isZero();
        }
        JsonNode row = Calls.lastCallOf(this, a.number());
        assertThat(row.path("transfers").get(0).asString())
                .isEqualTo("forward:schedule:hangup:busy:team_" + team + "_outside_office_hours");
        assertThat(queued(team)).isZero();
    }

    @Test
    void onAGlobalHolidayAClosedTeamWhoseGlobalActionIsItselfOverflowsInsteadAndTheHistoryNamesTheHoliday()
            throws Exception {
        int overflowPort = TestPorts.udp();
        Calls.Ext overflow = Calls.registeredSipp(this, overflowPort);
        Calls.Ext agent = Calls.newExtension(this);
        String team = team(agent, ",\"overflow\":{\"type\":\"extension\",\"target\":\"" + overflow.number()
                + "\"}");
        // the agent's own closed-hours actions go to voicemail: otherwise the tenant's action (this team) would
        // route the team's calls back to it through the agent, a loop the schedule refuses on save
        var own = api().put("/api/v1/extensions/" + agent.number() + "/schedule", "{\"ownHours\": false,"
                + "\"nonOfficeHoursAction\": {\"type\": \"voicemail\", \"target\": \"\"},"
                + "\"breakTimeAction\": {\"type\": \"voicemail\", \"target\": \"\"}}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        var r = api().put("/api/v1/schedule", "{\"timeZone\":\"UTC\",\"officeHours\":{},\"breakHours\":{},"
                + "\"nonOfficeHoursAction\":{\"type\":\"team\",\"target\":\"" + team + "\"},"
                + "\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[\""
                + overflow.number() + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String today = clock().instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        r = api().post("/api/v1/schedule/holidays", "{\"name\":\"Founders Day\",\"date\":\"" + today
                + "\",\"allDay\":true,\"yearly\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        callEndsAt(team, overflow, overflowPort, "team_" + team + "_holiday_Founders_Day");
    }

    @Test
    void badOfficeHoursAndOutOfHoursDestinationsAreRefusedNamingTheField() {
        Calls.Ext agent = Calls.newExtension(this);
        var r = api().post("/api/v1/teams", "{\"name\":\"Bad\",\"strategy\":\"hunt\",\"members\":[\""
                + agent.number() + "\"],\"outOfHours\":{\"type\":\"moon\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"outOfHours.type\"");
        r = api().post("/api/v1/teams", "{\"name\":\"Bad\",\"strategy\":\"hunt\",\"members\":[\""
                + agent.number() + "\"],\"officeHours\":\"weekdays\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"officeHours\"").contains("Leave empty (always open)");
        r = api().post("/api/v1/teams", "{\"name\":\"Bad\",\"strategy\":\"hunt\",\"members\":[\""
                + agent.number() + "\"],\"officeHours\":\"global\",\"outOfHours\":{\"type\":\"extension\","
                + "\"target\":\"9999\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("outOfHours.target").contains("No extension 9999.");
    }

    /** Today's weekday by the fake clock, in UTC (the zone these tests give the tenant). */
    private String day(int plus) {
        return clock().instant().atZone(ZoneOffset.UTC).getDayOfWeek().plus(plus).name().toLowerCase(Locale.ROOT);
    }

    private String ownHoursTeam(Calls.Ext member, String hours, String extra) {
        var r = api().post("/api/v1/teams", "{\"name\":\"Support\",\"strategy\":\"hunt\",\"members\":[\""
                + member.number() + "\"],\"ringSeconds\":5,\"officeHours\":\"own\",\"hours\":" + hours + extra
                + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("officeHours").asString()).isEqualTo("own");
        return r.text("number");
    }

    @Test
    void aTeamOutsideItsOwnHoursSendsCallersToItsOutOfHoursExtensionWhileTheOfficeIsOpen() throws Exception {
        var open = api().put("/api/v1/schedule", "{\"timeZone\":\"UTC\",\"officeHours\":{},\"breakHours\":{},"
                + "\"nonOfficeHoursAction\":{\"type\":\"hangup\",\"target\":\"busy\"},"
                + "\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[]}");
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/schedule").json().path("status").path("state").asString()).isEqualTo("open");
        int afterHoursPort = TestPorts.udp();
        Calls.Ext afterHours = Calls.registeredSipp(this, afterHoursPort);
        Calls.Ext agent = Calls.newExtension(this); // never rung: its phone is not even there
        String team = ownHoursTeam(agent, "{\"" + day(1) + "\":[\"09:00-17:00\"]}",
                ",\"outOfHours\":{\"type\":\"extension\",\"target\":\"" + afterHours.number() + "\"}");
        callGoesOutOfHours(team, afterHours, afterHoursPort);
    }

    @Test
    void aTeamWithinItsOwnHoursTakesCallsWhileTheOfficeIsClosed() throws Exception {
        int agentPort = TestPorts.udp();
        Calls.Ext agent = Calls.registeredSipp(this, agentPort);
        Calls.Ext afterHours = Calls.newExtension(this); // never rung
        String team = ownHoursTeam(agent, "{\"" + day(0) + "\":[\"00:00-24:00\"]}",
                ",\"outOfHours\":{\"type\":\"extension\",\"target\":\"" + afterHours.number() + "\"}");
        closeTodayWith("{\"type\":\"hangup\",\"target\":\"busy\"}");
        assertThat(api().get("/api/v1/schedule").json().path("status").path("state").asString()).isEqualTo("closed");
        // the agent keeps its own (empty, so always open) hours: the tenant's closed office does not forward it
        var own = api().put("/api/v1/extensions/" + agent.number() + "/schedule",
                "{\"ownHours\":true,\"officeHours\":{}}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer phone = SippPeer.start("callee.xml", sipPort(), agentPort, List.of()).awaitBound();
             SippPeer call = caller("caller.xml", a, team)) {
            assertThat(call.await()).as(call.output()).isZero();
            assertThat(phone.await()).as(phone.output()).isZero();
        }
        long tenant = bean(org.carillon.pbx.tenant.TenantDirectory.class).current().id();
        long id = bean(org.carillon.pbx.team.TeamService.class).require(tenant, team).id();
        Calls.await("team call logged", () -> queued(team) == 1, java.time.Duration.ofSeconds(5));
        assertThat(jdbc().sql("SELECT agent FROM team_call WHERE team_id = ?").param(id).query(String.class)
                .single()).isEqualTo(agent.number());
    }

    @Test
    void ownHoursAreValidatedNamingTheField() {
        Calls.Ext agent = Calls.newExtension(this);
        String base = "{\"name\":\"Bad\",\"strategy\":\"hunt\",\"members\":[\"" + agent.number() + "\"]";
        var r = api().post("/api/v1/teams", base + ",\"officeHours\":\"own\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"hours\"").contains("at least one weekday");
        r = api().post("/api/v1/teams", base + ",\"officeHours\":\"own\",\"hours\":{\"monday\":[\"09:00-17:00\","
                + "\"25:00-26:00\"],\"funday\":[\"09:00-10:00\"],\"friday\":[\"09:00-12:00\",\"11:00-13:00\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"hours.monday[1]\"").contains("\"field\":\"hours.funday\"")
                .contains("\"field\":\"hours.friday\"").contains("overlap");
        r = api().post("/api/v1/teams", base + ",\"officeHours\":\"global\",\"hours\":{\"monday\":[\"09:00-17:00\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"hours\"");
        r = api().post("/api/v1/teams", base + ",\"exemptFromGlobalHolidays\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"exemptFromGlobalHolidays\"");
        r = api().post("/api/v1/teams", base + ",\"officeHours\":\"own\",\"hours\":{\"saturday\":[\"22:00-02:00\"],"
                + "\"monday\":[\"08:00-20:00\"]},\"exemptFromGlobalHolidays\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode got = api().get("/api/v1/teams/" + r.text("number")).json();
        assertThat(got.path("hours").path("monday").get(0).asString()).isEqualTo("08:00-20:00");
        assertThat(got.path("hours").path("saturday").get(0).asString()).isEqualTo("22:00-02:00");
        assertThat(got.path("exemptFromGlobalHolidays").asBoolean()).isTrue();
    }

    @Test
    void anOutOfHoursOrOverflowChainLeadingBackToTheTeamIsRefusedOnSaveNamingTheFieldAndTheLoop() {
        Calls.Ext agent = Calls.newExtension(this);
        String base = "{\"name\":\"Loop\",\"strategy\":\"hunt\",\"members\":[\"" + agent.number() + "\"]";
        var r = api().post("/api/v1/teams", base + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String a = r.text("number");
        r = api().post("/api/v1/teams", base + ",\"officeHours\":\"global\",\"outOfHours\":{\"type\":\"team\","
                + "\"target\":\"" + a + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String b = r.text("number");
        r = api().put("/api/v1/teams/" + a, base + ",\"officeHours\":\"global\",\"outOfHours\":{\"type\":\"team\","
                + "\"target\":\"" + b + "\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"outOfHours.target\"")
                .contains("team " + a + " → team " + b + " → team " + a);
        r = api().put("/api/v1/teams/" + a, base + ",\"overflow\":{\"type\":\"team\",\"target\":\"" + b + "\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"overflow.target\"")
                .contains("team " + a + " → team " + b + " → team " + a);
        assertThat(api().get("/api/v1/teams/" + a).json().path("outOfHours").isNull()).as("unchanged").isTrue();
        // a chain that ends elsewhere is fine
        r = api().post("/api/v1/teams", base + ",\"overflow\":{\"type\":\"team\",\"target\":\"" + b + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aClosedTeamWithoutItsOwnDestinationFollowsTheGlobalActionAndALoopThroughItIsRefusedOnSave() {
        String base = "{\"name\":\"Global loop\",\"strategy\":\"hunt\",\"members\":[]";
        var r = api().post("/api/v1/teams", base + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String a = r.text("number");
        r = api().post("/api/v1/teams", base + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String b = r.text("number");
        r = api().put("/api/v1/schedule", "{\"timeZone\":\"UTC\",\"officeHours\":{},\"breakHours\":{},"
                + "\"nonOfficeHoursAction\":{\"type\":\"team\",\"target\":\"" + b + "\"},"
                + "\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        r = api().put("/api/v1/teams/" + b, base + ",\"officeHours\":\"global\",\"outOfHours\":{\"type\":\"team\","
                + "\"target\":\"" + a + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        r = api().put("/api/v1/teams/" + a, base + ",\"officeHours\":\"own\",\"hours\":{\"monday\":[\"09:00-17:00\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"outOfHours.target\"")
                .contains("team " + a + " → team " + b + " → team " + a).contains("global Non-Office-Hours");
        r = api().put("/api/v1/teams/" + a, base + ",\"officeHours\":\"own\",\"hours\":{\"monday\":[\"09:00-17:00\"]},"
                + "\"outOfHours\":{\"type\":\"hangup\",\"target\":\"\"}}");
        assertThat(r.status()).as("its own destination breaks the loop: " + r.body()).isEqualTo(200);
        api().delete("/api/v1/teams/" + b);
        api().delete("/api/v1/teams/" + a);
    }

    @Test
    void aGlobalActionThatLeadsIntoATeamLoopIsRefusedWhenTheScheduleIsSaved() {
        String base = "{\"name\":\"Schedule loop\",\"strategy\":\"hunt\",\"members\":[]";
        var r = api().post("/api/v1/teams", base + ",\"officeHours\":\"global\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String a = r.text("number");
        r = api().post("/api/v1/teams", base + ",\"officeHours\":\"global\",\"outOfHours\":{\"type\":\"team\","
                + "\"target\":\"" + a + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String b = r.text("number");
        r = api().put("/api/v1/schedule", "{\"timeZone\":\"UTC\",\"officeHours\":{},\"breakHours\":{},"
                + "\"nonOfficeHoursAction\":{\"type\":\"team\",\"target\":\"" + b + "\"},"
                + "\"breakTimeAction\":{\"type\":\"voicemail\",\"target\":\"\"},\"exemptExtensions\":[]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"nonOfficeHoursAction\"").contains("loop")
                .contains("team " + a).contains("team " + b);
        api().delete("/api/v1/teams/" + b);
        api().delete("/api/v1/teams/" + a);
    }
}
