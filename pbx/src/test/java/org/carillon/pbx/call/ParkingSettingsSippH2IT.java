package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.parking.ParkingService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default parking lot's settings (issue 10, SPEC §2.7): {@code GET|PUT /api/v1/parking/settings} with the
 * environment's defaults (the lot is made from them at start), 400s naming the field, audit before/after, and the saved timeout and fallback applied to a
 * call parked with SIPp phones (the parker busy on the ring-back, so the fallback extension answers).
 */
class ParkingSettingsSippH2IT extends CallH2Context {

    @AfterEach
    void backToTheContextsSettings() {
        api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": " + PARK_TIMEOUT_SECONDS
                + ", \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
    }

    /** {@code a} calls {@code b}, whose phone (on {@code bPort}) parks the call by REFER to 700: {@code a}, waiting. */
    private SippPeer parkedCall(Calls.Ext a, Calls.Ext b, int bPort) throws Exception {
        SippPeer parked;
        try (SippPeer parker = SippPeer.start("callee_transfers.xml", sipPort(), bPort,
                List.of("-d", "300", "-key", "target", "700")).awaitBound()) {
            parked = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s", b.number(),
                    "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number()));
            assertThat(parker.await()).as(parker.output()).isZero();
        }
        return parked;
    }

    @Test
    void settingsAreValidatedSavedAndAuditedWithBeforeAndAfter() {
        api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": " + PARK_TIMEOUT_SECONDS
                + ", \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
        JsonNode settings = api().get("/api/v1/parking/settings").json();
        assertThat(settings.path("timeoutSeconds").asInt()).isEqualTo(PARK_TIMEOUT_SECONDS);
        assertThat(settings.path("fallback").path("type").asString()).isEqualTo("hangup");

        var tooShort = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 0, \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("errors").get(0).path("field").asString()).isEqualTo("timeoutSeconds");
        var tooLong = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 86401, \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
        assertThat(tooLong.status()).isEqualTo(400);
        var missing = api().put("/api/v1/parking/settings", "{\"fallback\": {\"type\": \"hangup\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("timeoutSeconds");
        var notAnExtension = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 60, \"fallback\": {\"type\": \"extension\", \"target\": \"700\"}}");
        assertThat(notAnExtension.status()).isEqualTo(400);
        assertThat(notAnExtension.json().path("errors").get(0).path("field").asString())
                .isEqualTo("fallback.target");
        var unknown = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 60, \"slots\": 30, \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("slots");
        var unsupported = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 60, \"fallback\": {\"type\": \"park\", \"target\": \"\"}}");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().path("errors").get(0).path("field").asString()).isEqualTo("fallback.type");
        assertThat(api().get("/api/v1/parking/settings").json().path("timeoutSeconds").asInt())
                .as("nothing saved by a refused request").isEqualTo(PARK_TIMEOUT_SECONDS);

        Calls.Ext f = Calls.newExtension(this);
        var saved = api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 90, \"fallback\": {\"type\": "
                + "\"extension\", \"target\": \"" + f.number() + "\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("fallback").path("target").asString()).isEqualTo(f.number());
        assertThat(api().get("/api/v1/parking/settings").json().path("timeoutSeconds").asInt()).isEqualTo(90);
        long main = api().get("/api/v1/parking/lots").json().get(0).path("id").asLong();
        JsonNode audit = api().get("/api/v1/audit?objectType=parking_lot&objectId=" + main).json()
                .path("items").get(0);
        assertThat(audit.path("action").asString()).isEqualTo("parking_lot_changed");
        assertThat(audit.path("before").path("timeoutSeconds").asInt()).isEqualTo(PARK_TIMEOUT_SECONDS);
        assertThat(audit.path("before").path("fallbackType").asString()).isEqualTo("hangup");
        assertThat(audit.path("after").path("timeoutSeconds").asInt()).isEqualTo(90);
        assertThat(audit.path("after").path("fallbackTarget").asString()).isEqualTo(f.number());
    }

    @Test
    void aParkedCallTimesOutAfterTheTenantsTimeoutAndRingsTheTenantsFallback() throws Exception {
        int bPort = TestPorts.udp();
        int fPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext f = Calls.registeredSipp(this, fPort);
        Calls.Ext a = Calls.newExtension(this);
        assertThat(api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 10, \"fallback\": {\"type\": "
                + "\"extension\", \"target\": \"" + f.number() + "\"}}").status()).isEqualTo(200);
        long tenant = bean(TenantDirectory.class).current().id();
        SippPeer parked = parkedCall(a, b, bPort);
        try (parked;
             SippPeer parkerBusy = SippPeer.start("callee_busy.xml", sipPort(), bPort, List.of());
             SippPeer fallback = SippPeer.start("callee_hangs_up.xml", sipPort(), fPort, List.of("-d", "500"))) {
            Calls.await("slot 701 occupied", Duration.ofSeconds(10),
                    () -> bean(ParkingService.class).find(tenant, "701").isPresent());
            assertThat(parkerBusy.await()).as(parkerBusy.output()).isZero();
            assertThat(fallback.await()).as(fallback.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("callee").asString()).isEqualTo(f.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:701\",\"ringback:" + f.number() + "\"]");
    }

    @Test
    void aParkedCallNobodyTakesBackGoesToTheTenantsFallbackTeam() throws Exception {
        int bPort = TestPorts.udp();
        int gPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext g = Calls.registeredSipp(this, gPort);
        Calls.Ext a = Calls.newExtension(this);
        var created = api().post("/api/v1/teams", "{\"name\":\"Park fallback " + g.number()
                + "\",\"strategy\":\"hunt\",\"members\":[\"" + g.number()
                + "\"],\"ringSeconds\":10,\"maxWaitSeconds\":60}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String team = created.text("number");
        var saved = api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 10, \"fallback\": {\"type\": "
                + "\"team\", \"target\": \"" + team + "\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        SippPeer parked = parkedCall(a, b, bPort);
        try (parked;
             SippPeer parkerBusy = SippPeer.start("callee_busy.xml", sipPort(), bPort, List.of());
             SippPeer agent = SippPeer.start("callee_hangs_up.xml", sipPort(), gPort, List.of("-d", "500"))) {
            assertThat(parkerBusy.await()).as(parkerBusy.output()).isZero();
            assertThat(agent.await()).as(agent.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("transfers").toString()).startsWith("[\"park:701\",\"fallback:team:" + team + "\"");
    }

    @Test
    void aPromptFallbackPlaysItToTheParkedCallerAndHangsUp() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        var saved = api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 10, \"fallback\": {\"type\": "
                + "\"prompt\", \"target\": \"goodbye\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        SippPeer parked = parkedCall(a, b, bPort);
        try (parked; SippPeer parkerBusy = SippPeer.start("callee_busy.xml", sipPort(), bPort, List.of())) {
            assertThat(parkerBusy.await()).as(parkerBusy.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero(); // the PBX's BYE after the prompt
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:701\",\"fallback:prompt:goodbye\"]");
    }
}
