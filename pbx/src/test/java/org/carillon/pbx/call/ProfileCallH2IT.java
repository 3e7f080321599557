package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 with real SIPp peers: where a call to an extension ends by its active call profile and its schedule,
 * with the rule that routed it in the call history, and {@code *76} switching the caller's profile. (All callers
 * are internal until trunks exist; the external rules are checked through the forwarding bean in ProfileH2IT.)
 */
class ProfileCallH2IT extends CallH2Context {

    private SippPeer call(String scenario, Calls.Ext from, String dialled) throws Exception {
        return SippPeer.start(scenario, sipPort(), TestPorts.udp(), List.of("-s", dialled, "-au", from.username(),
                "-ap", from.password(), "-key", "caller", from.number()));
    }

    private JsonNode callAndAwait(String scenario, Calls.Ext from, String dialled) throws Exception {
        int before = Calls.callCountOf(this, from.number());
        try (SippPeer caller = call(scenario, from, dialled)) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
        Calls.lastCallOf(this, from.number(), before + 1);
        // the test clock stands still, so calls share a start time: find this one by what was dialled
        for (JsonNode c : api().get("/api/v1/calls?number=" + from.number()).json().path("calls")) {
            if (c.path("dialled").asString().equals(dialled)) {
                return c;
            }
        }
        throw new AssertionError("no call of " + from.number() + " to " + dialled);
    }

    @Test
    void awaySendsInternalCallersStraightToItsRuleAndTheHistorySaysWhy() throws Exception {
        Calls.Ext b = Calls.registeredSipp(this, TestPorts.udp());
        var rule = api().send("PUT", "/api/v1/extensions/" + b.number() + "/profiles/away", """
                {"internal": {"ringSeconds": 0, "onNoAnswer": {"type": "hangup", "target": "busy"}}}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/v1/extensions/" + b.number() + "/profile", "{\"active\": \"away\"}")
                .status()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        JsonNode history = callAndAwait("caller_refused.xml", a, b.number());
        assertThat(history.path("status").asInt()).isEqualTo(486);
        assertThat(history.path("transfers").get(0).asString())
                .isEqualTo("forward:no_answer:hangup:busy:profile_Away");
    }

    @Test
    void aHolidayWithAudioIsPlayedToTheCallerInsteadOfRinging() throws Exception {
        Calls.Ext b = Calls.registeredSipp(this, TestPorts.udp());
        LocalDate today = LocalDate.ofInstant(clock().instant(), bean(TenantDirectory.class).current().timeZone());
        var holiday = api().post("/api/v1/extensions/" + b.number() + "/holidays", """
                {"name": "Founders Day", "date": "%s", "allDay": true}""".formatted(today));
        assertThat(holiday.status()).as(holiday.body()).isEqualTo(201);
        String id = holiday.text("id");
        var audio = api().putBytes("/api/v1/extensions/" + b.number() + "/holidays/" + id + "/audio", "audio/wav",
                org.carillon.pbx.schedule.ScheduleApiContract.toneWav());
        assertThat(audio.status()).as(audio.body()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        JsonNode history = callAndAwait("caller_refused.xml", a, b.number());
        assertThat(history.path("status").asInt()).isEqualTo(480);
        assertThat(history.path("transfers").get(0).asString())
                .isEqualTo("forward:no_answer:holiday:" + id + ":holiday_Founders_Day");
    }

    @Test
    void starSeventySixSwitchesTheCallersProfileAndAnnouncesIt() throws Exception {
        Calls.Ext a = Calls.registeredSipp(this, TestPorts.udp());
        callAndAwait("caller_waits.xml", a, "*762");
        assertThat(api().get("/api/v1/extensions/" + a.number() + "/profile").text("active")).isEqualTo("busy");
        var audit = api().get("/api/v1/audit?objectType=call_profile&objectId=" + a.number()).json().path("items")
                .get(0); // issue 13: a change by phone names the extension and the phone's address
        assertThat(audit.path("actor").asString()).isEqualTo("extension " + a.number());
        assertThat(audit.path("source").asString()).isEqualTo("127.0.0.1");
        assertThat(audit.path("detail").asString()).isEqualTo("by phone (*76)");
        assertThat(audit.path("before").path("active").asString()).isEqualTo("available");
        assertThat(audit.path("after").path("active").asString()).isEqualTo("busy");
        callAndAwait("caller_waits.xml", a, "*76");
        assertThat(api().get("/api/v1/extensions/" + a.number() + "/profile").text("active")).isEqualTo("away");
        JsonNode unknown = callAndAwait("caller_refused.xml", a, "*769");
        assertThat(unknown.path("status").asInt()).isEqualTo(404);
        assertThat(api().get("/api/v1/extensions/" + a.number() + "/profile").text("active")).isEqualTo("away");
    }

    @Test
    void theProfilesRingTimeGovernsBeyondTheNoAnswerSetting() throws Exception {
        // CARILLON_CALL_NO_ANSWER_SECONDS is 4 here; Available rings 9 s and the user answers after 6 s
        int port = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, port);
        Calls.voicemailOff(this, b);
        var rule = api().put("/api/v1/extensions/" + b.number() + "/profiles/available", """
                {"internal": {"ringSeconds": 9}}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer callee = SippPeer.start("callee_late.xml", sipPort(), port, List.of("-d", "6000"));
             SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", b.number(),
                     "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number(), "-d", "300"))) {
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(callee.await()).as(callee.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
    }
}
