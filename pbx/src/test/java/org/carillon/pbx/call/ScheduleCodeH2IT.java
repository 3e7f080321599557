package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 with real SIPp peers: the schedule override dial code ({@code *28}) forces the global schedule closed or
 * lifts the override, only for users who may change schedules, audited; the next call is routed accordingly.
 */
class ScheduleCodeH2IT extends CallH2Context {

    private JsonNode call(String scenario, Calls.Ext from, String dialled) throws Exception {
        // calls are listed newest first by start time: the test clock moves so that no two share one
        advance(java.time.Duration.ofSeconds(1));
        int before = Calls.callCountOf(this, from.number());
        try (SippPeer caller = SippPeer.start(scenario, sipPort(), TestPorts.udp(), List.of("-s", dialled, "-au",
                from.username(), "-ap", from.password(), "-key", "caller", from.number()))) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
        Calls.lastCallOf(this, from.number(), before + 1);
        for (JsonNode c : api().get("/api/v1/calls?number=" + from.number()).json().path("calls")) {
            if (c.path("dialled").asString().equals(dialled)) {
                return c;
            }
        }
        throw new AssertionError("no call of " + from.number() + " to " + dialled);
    }

    private Calls.Ext extension(String role) {
        String email = uniqueEmail("sched" + role);
        var r = api().createExtension(email, role);
        return new Calls.Ext(r.text("number"), r.text("username"), r.text("password"), email);
    }

    @AfterEach
    void backToTheSchedule() {
        api().delete("/api/v1/schedule/override");
    }

    @Test
    void aManagerDialsTheOverrideCodeAndTheNextCallFollowsIt() throws Exception {
        var saved = api().put("/api/v1/schedule", """
                {"officeHours": {}, "breakHours": {}, "nonOfficeHoursAction": {"type": "hangup", "target": "busy"},
                 "breakTimeAction": {"type": "voicemail", "target": ""}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Calls.Ext callee = extension("agent");
        var rule = api().put("/api/v1/extensions/" + callee.number() + "/profiles/available", """
                {"internal": {"onUnregistered": {"type": "hangup", "target": "busy"}}}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        Calls.Ext agent = extension("agent");
        Calls.Ext manager = extension("manager");

        JsonNode refused = call("caller_refused.xml", agent, "*282");
        assertThat(refused.path("status").asInt()).isEqualTo(403);
        assertThat(api().get("/api/v1/schedule").json().path("override").isNull()).isTrue();

        JsonNode invalid = call("caller_refused.xml", manager, "*289");
        assertThat(invalid.path("status").asInt()).isEqualTo(404);

        call("caller_waits.xml", manager, "*282");
        JsonNode override = api().get("/api/v1/schedule").json().path("override");
        assertThat(override.path("mode").asString()).isEqualTo("closed");
        JsonNode closed = call("caller_refused.xml", agent, callee.number());
        assertThat(closed.path("status").asInt()).isEqualTo(486);
        assertThat(closed.path("transfers").get(0).asString())
                .startsWith("forward:unregistered:hangup:busy:forced_closed_until_");
        JsonNode audit = api().get("/api/v1/audit?actor=" + manager.email()).json().path("items");
        assertThat(audit.findValuesAsString("action")).contains("schedule.override");
        assertThat(audit.findValuesAsString("source")).contains("phone " + manager.number());

        call("caller_waits.xml", manager, "*280");
        assertThat(api().get("/api/v1/schedule").json().path("override").isNull()).isTrue();
        JsonNode normal = call("caller_refused.xml", agent, callee.number());
        assertThat(normal.path("status").asInt()).isEqualTo(486);
        assertThat(normal.path("transfers").get(0).asString())
                .isEqualTo("forward:unregistered:hangup:busy:profile_Available");
    }
}
