package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.parking.ParkingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second parking lot (issue 10, SPEC §2.7) with SIPp phones: lot "Warehouse" parks on 750 in slots 751–755. B
 * blind-transfers its caller A to 750, A waits in 751 (the lot's first slot, not the default lot's 701) whose BLF lamp
 * flashes, and C retrieves A by dialling 751; a call nobody retrieves rings back after the lot's own timeout and then
 * goes to the lot's own fallback, while the default lot's timeout is an hour.
 */
class ParkingLotSippH2IT extends CallH2Context {
    private final ParkingPhones phones = new ParkingPhones(this);
    private long lot;

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
        Calls.await("lot 750 empty", Duration.ofSeconds(10), () -> bean(ParkingService.class).parked(phones.tenant())
                .stream().noneMatch(c -> c.slot().startsWith("75")));
        assertThat(api().delete("/api/v1/parking/lots/" + lot).status()).isEqualTo(204);
        api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": " + PARK_TIMEOUT_SECONDS
                + ", \"fallback\": {\"type\": \"hangup\", \"target\": \"\"}}");
    }

    @Test
    void aCallParkedOnTheSecondLotsNumberWaitsInItsFirstSlotAndIsRetrievedByDiallingIt() throws Exception {
        phones.parkAndRetrieveWhileTheLampFollows("750", "751", p -> {
            assertThat(bean(ParkingService.class).find(phones.tenant(), "701")).as("not the default lot").isEmpty();
            JsonNode slots = api().get("/api/v1/parking").json();
            assertThat(slots.toString()).contains("{\"slot\":\"751\",\"parked\":\"" + p.a().number()
                    + "\",\"parker\":\"" + p.b().number() + "\"").contains("\"lot\":" + lot);
        });
    }

    @Test
    void aCallNobodyRetrievesFromTheSecondLotRingsBackAfterItsTimeoutThenGoesToItsFallback() throws Exception {
        int bPort = TestPorts.udp();
        int fPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext f = Calls.registeredSipp(this, fPort);
        Calls.Ext a = Calls.newExtension(this);
        var saved = api().put("/api/v1/parking/lots/" + lot, "{\"name\":\"Warehouse\",\"parkNumber\":\"750\","
                + "\"firstSlot\":\"751\",\"lastSlot\":\"755\",\"timeoutSeconds\":8,"
                + "\"fallback\":{\"type\":\"extension\",\"target\":\"" + f.number() + "\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        SippPeer parked = phones.parkedBy(a, b, bPort, "750");
        try (parked;
             SippPeer parkerBusy = SippPeer.start("callee_busy.xml", sipPort(), bPort, List.of());
             SippPeer fallback = SippPeer.start("callee_hangs_up.xml", sipPort(), fPort, List.of("-d", "500"))) {
            // the default lot would wait an hour: only the lot's own 8 s ring the parker back within the test (8 s,
            // not less: the parker's phone must be done with the transfer, announcement and all, before it rings)
            assertThat(parkerBusy.await()).as(parkerBusy.output()).isZero();
            assertThat(fallback.await()).as(fallback.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        phones.awaitSlot("751", false);
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("callee").asString()).isEqualTo(f.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:751\",\"ringback:" + f.number() + "\"]");
    }
}
