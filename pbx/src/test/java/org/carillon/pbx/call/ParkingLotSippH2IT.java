package org.carillon.pbx.call;

import org.carillon.pbx.feature.Sipp;
import org.carillon.pbx.parking.ParkingService;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second parking lot (issue 10, SPEC §2.7) with SIPp phones: lot "Warehouse" parks on 750 in slots 751–755. B
 * blind-transfers its caller A to 750, A waits in 751 (the lot's first slot, not the default lot's 701) whose BLF lamp
 * flashes, and C retrieves A by dialling 751; a call nobody retrieves rings back after the lot's own timeout and then
 * goes to the lot's own fallback, while the default lot's timeout is an hour.
 */
class ParkingLotSippH2IT extends CallH2Context {
    private static final Pattern STATE = Pattern.compile("NOTIFY state=([a-z]+)");
    private long lot;

    private long tenant() {
        return bean(TenantDirectory.class).current().id();
    }

    @BeforeEach
    void aSecondLotAndALongDefaultTimeout() {
        var created = api().post("/api/v1/parking/lots", "{\"name\":\"Warehouse\",\"parkNumber\":\"750\","
                + "\"firstSlot\":\"751\",\"lastSlot\":\"755\",\"timeoutSeconds\":3600,"
                + "\"fallback\":{\"type\":\"hangup\",\"target\":\"\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        lot = created.json().path("id").asLong();
        assertThat(api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 3600, \"fallback\": {\"type\": "
                + "\"hangup\", \"target\": \"\"}}").status()).isEqualTo(200);
    }

    @AfterEach
    void backToTheDefaultLotOnly() throws InterruptedException {
        Calls.await("lot 750 empty", Duration.ofSeconds(10), () -> bean(ParkingService.class).parked(tenant())
                .stream().noneMatch(c -> c.slot().startsWith("75")));
        assertThat(api().delete("/api/v1/parking/lots/" + lot).status()).isEqualTo(204);
        api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": " + PARK_TIMEOUT_SECONDS
                + ", \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
    }

    /** B (registered SIPp phone on {@code bPort}) parks its caller A by REFER to {@code target}; A waits. */
    private SippPeer parkedBy(Calls.Ext a, Calls.Ext b, int bPort, String target) throws Exception {
        SippPeer parked;
        try (SippPeer parker = SippPeer.start("callee_transfers.xml", sipPort(), bPort,
                List.of("-d", "300", "-key", "target", target)).awaitBound()) {
            parked = SippPeer.start("caller_waits.xml", sipPort(), Sipp.freePort(), List.of("-s", b.number(),
                    "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number()));
            assertThat(parker.await()).as(parker.output()).isZero();
        }
        return parked;
    }

    private void awaitSlot(String slot, boolean occupied, Duration within) throws InterruptedException {
        Calls.await("slot " + slot + (occupied ? " occupied" : " free"), within,
                () -> bean(ParkingService.class).find(tenant(), slot).isPresent() == occupied);
    }

    @Test
    void aCallParkedOnTheSecondLotsNumberWaitsInItsFirstSlotAndIsRetrievedByDiallingIt() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        int bPort = Sipp.freePort();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext c = Calls.newExtension(this);
        try (SippPeer lamp = SippPeer.start("blf_watcher.xml", sipPort(), Sipp.freePort(), List.of("-s", "751",
                "-au", w.username(), "-ap", w.password(), "-key", "watcher", w.number(), "-key", "first", "early",
                "-trace_logs"))) {
            Calls.await("a watcher of slot 751", Duration.ofSeconds(10),
                    () -> bean(SubscriptionService.class).watching(tenant(), "dialog", "751") == 1);
            try (SippPeer parked = parkedBy(a, b, bPort, "750")) {
                awaitSlot("751", true, Duration.ofSeconds(10));
                assertThat(bean(ParkingService.class).find(tenant(), "701")).as("not the default lot").isEmpty();
                JsonNode slots = api().get("/api/v1/parking").json();
                assertThat(slots.toString()).contains("{\"slot\":\"751\",\"parked\":\"" + a.number()
                        + "\",\"parker\":\"" + b.number() + "\"").contains("\"lot\":" + lot);
                try (SippPeer retriever = SippPeer.start("caller.xml", sipPort(), Sipp.freePort(), List.of("-s",
                        "751", "-au", c.username(), "-ap", c.password(), "-key", "caller", c.number(), "-d",
                        "500"))) {
                    assertThat(retriever.await()).as(retriever.output()).isZero();
                }
                assertThat(parked.await()).as(parked.output()).isZero();
            }
            assertThat(lamp.await()).as(lamp.output()).isZero();
            List<String> states = new ArrayList<>();
            Matcher m = STATE.matcher(lamp.logs());
            while (m.find()) {
                states.add(m.group(1));
            }
            assertThat(states).as(lamp.logs()).containsSubsequence("terminated", "early", "terminated");
        }
        awaitSlot("751", false, Duration.ofSeconds(10));
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(c.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:751\",\"retrieve:" + c.number() + "\"]");
    }

    @Test
    void aCallNobodyRetrievesFromTheSecondLotRingsBackAfterItsTimeoutThenGoesToItsFallback() throws Exception {
        int bPort = Sipp.freePort();
        int fPort = Sipp.freePort();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext f = Calls.registeredSipp(this, fPort);
        Calls.Ext a = Calls.newExtension(this);
        var saved = api().put("/api/v1/parking/lots/" + lot, "{\"name\":\"Warehouse\",\"parkNumber\":\"750\","
                + "\"firstSlot\":\"751\",\"lastSlot\":\"755\",\"timeoutSeconds\":8,"
                + "\"fallback\":{\"type\":\"extension\",\"target\":\"" + f.number() + "\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        SippPeer parked = parkedBy(a, b, bPort, "750");
        try (parked;
             SippPeer parkerBusy = SippPeer.start("callee_busy.xml", sipPort(), bPort, List.of());
             SippPeer fallback = SippPeer.start("callee_hangs_up.xml", sipPort(), fPort, List.of("-d", "500"))) {
            // the default lot would wait an hour: only the lot's own 8 s ring the parker back within the test (8 s,
            // not less: the parker's phone must be done with the transfer, announcement and all, before it rings)
            assertThat(parkerBusy.await()).as(parkerBusy.output()).isZero();
            assertThat(fallback.await()).as(fallback.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        awaitSlot("751", false, Duration.ofSeconds(10));
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("callee").asString()).isEqualTo(f.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:751\",\"ringback:" + f.number() + "\"]");
    }
}
