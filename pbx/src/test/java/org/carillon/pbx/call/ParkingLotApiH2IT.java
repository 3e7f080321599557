package org.carillon.pbx.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parking lots over {@code /api/v1/parking/lots} (issue 10, SPEC §2.7): the default lot is there, a second one is
 * created, read, replaced and deleted with an audit line each; bad ranges, timeouts, fallbacks and music are 400s
 * naming the field; a lot's numbers clash with no extension, team, speed dial or other lot — and those features
 * refuse a lot's numbers in turn.
 */
class ParkingLotApiH2IT extends CallH2Context {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @AfterEach
    void deleteTheLotsThisTestMade() {
        for (JsonNode lot : api().get("/api/v1/parking/lots").json()) {
            if (!lot.path("default").asBoolean()) {
                api().delete("/api/v1/parking/lots/" + lot.path("id").asLong());
            }
        }
    }

    private static String lot(String name, String park, String first, String last, String more) {
        return "{\"name\":\"" + name + "\",\"parkNumber\":\"" + park + "\",\"firstSlot\":\"" + first
                + "\",\"lastSlot\":\"" + last + "\",\"timeoutSeconds\":60,\"fallback\":{\"type\":\"hangup\","
                + "\"target\":\"\"}" + more + "}";
    }

    private static String errorOf(org.carillon.pbx.feature.Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        for (JsonNode e : reply.json().path("errors")) {
            if (e.path("field").asString().equals(field)) {
                return e.path("message").asString();
            }
        }
        throw new AssertionError("no error on " + field + ": " + reply.body());
    }

    @Test
    void aSecondLotIsCreatedReadReplacedAndDeletedWithAnAuditLineEach() {
        JsonNode lots = api().get("/api/v1/parking/lots").json();
        assertThat(lots.size()).isEqualTo(1);
        assertThat(lots.get(0).path("default").asBoolean()).isTrue();
        assertThat(lots.get(0).path("id").asLong()).as("made at start, after the default tenant").isPositive();
        assertThat(lots.get(0).path("parkNumber").asString()).isEqualTo("700");
        assertThat(lots.get(0).path("firstSlot").asString()).isEqualTo("701");
        assertThat(lots.get(0).path("lastSlot").asString()).isEqualTo("720");

        var created = api().post("/api/v1/parking/lots", lot("Warehouse", "750", "751", "755",
                ",\"musicOnHold\":\"default\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("default").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/parking/lots/" + id).json().path("name").asString()).isEqualTo("Warehouse");
        assertThat(api().get("/api/v1/parking/lots").json().size()).isEqualTo(2);

        var replaced = api().put("/api/v1/parking/lots/" + id, lot("Warehouse", "750", "751", "758", ""));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("lastSlot").asString()).isEqualTo("758");
        assertThat(replaced.json().path("musicOnHold").asString()).isEqualTo("default");

        JsonNode audit = api().get("/api/v1/audit?objectType=parking_lot&objectId=" + id).json().path("items");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("parking_lot_changed");
        assertThat(audit.get(0).path("before").path("lastSlot").asString()).isEqualTo("755");
        assertThat(audit.get(0).path("after").path("lastSlot").asString()).isEqualTo("758");
        assertThat(audit.get(1).path("action").asString()).isEqualTo("parking_lot_created");
        assertThat(audit.get(1).path("after").path("parkNumber").asString()).isEqualTo("750");

        assertThat(api().delete("/api/v1/parking/lots/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/parking/lots/" + id).status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/parking/lots/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/audit?objectType=parking_lot&objectId=" + id).json().path("items").get(0)
                .path("action").asString()).isEqualTo("parking_lot_deleted");
        long main = lots.get(0).path("id").asLong();
        assertThat(api().delete("/api/v1/parking/lots/" + main).status()).as("the default lot stays").isEqualTo(409);
    }

    @Test
    void badRangesTimeoutsFallbacksAndMusicAreRefusedNamingTheField() {
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "750", "760", "751", "")), "lastSlot"))
                .contains("must not be below");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "750", "751", "851", "")), "lastSlot"))
                .contains("At most 100 slots");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "753", "751", "755", "")), "parkNumber"))
                .contains("own slots");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "075", "751", "755", "")), "parkNumber"))
                .contains("not starting with 0");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "*75", "751", "755", "")), "parkNumber"))
                .as("a feature code can never be a park number").contains("digits");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("", "750", "751", "755", "")), "name"))
                .isEqualTo("Enter a name.");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Main", "750", "751", "755", "")), "name"))
                .contains("Another parking lot");
        String noTimeout = "{\"name\":\"Back\",\"parkNumber\":\"750\",\"firstSlot\":\"751\",\"lastSlot\":\"755\","
                + "\"timeoutSeconds\":%d,\"fallback\":{\"type\":\"%s\",\"target\":\"%s\"}%s}";
        assertThat(errorOf(api().post("/api/v1/parking/lots", noTimeout.formatted(0, "hangup", "", "")),
                "timeoutSeconds")).isEqualTo("must be from 1 to 86400 seconds");
        assertThat(errorOf(api().post("/api/v1/parking/lots", noTimeout.formatted(86_401, "hangup", "", "")),
                "timeoutSeconds")).isEqualTo("must be from 1 to 86400 seconds");
        assertThat(errorOf(api().post("/api/v1/parking/lots", noTimeout.formatted(60, "extension", "700", "")),
                "fallback.target")).isEqualTo("is not an extension");
        assertThat(errorOf(api().post("/api/v1/parking/lots", noTimeout.formatted(60, "park", "", "")),
                "fallback.type")).contains("must be one of");
        assertThat(errorOf(api().post("/api/v1/parking/lots", noTimeout.formatted(60, "hangup", "",
                ",\"musicOnHold\":\"jazz\"")), "musicOnHold")).contains("default");
        var readOnly = api().post("/api/v1/parking/lots", lot("Back", "750", "751", "755", ",\"id\":5"));
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.body()).contains("id");
        assertThat(api().get("/api/v1/parking/lots").json().size()).as("nothing saved").isEqualTo(1);
        assertThat(api().put("/api/v1/parking/lots/999999", lot("Back", "750", "751", "755", "")).status())
                .isEqualTo(404);
    }

    @Test
    void aLotsNumbersClashWithNoExtensionTeamSpeedDialOrOtherLot() {
        Calls.Ext ext = Calls.newExtension(this);
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", ext.number(), "751", "755", "")),
                "parkNumber")).isEqualTo(ext.number() + " is extension " + ext.number() + ".");
        var team = api().post("/api/v1/teams", "{\"name\":\"Lot clash " + SEQUENCE.incrementAndGet()
                + "\",\"strategy\":\"hunt\",\"members\":[\"" + ext.number() + "\"]}");
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        String t = team.text("number");
        int n = Integer.parseInt(t);
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "750", t, Integer.toString(n + 2), "")),
                "firstSlot")).isEqualTo("Slot " + t + " is team " + t + ".");
        assertThat(api().delete("/api/v1/teams/" + t).status()).isEqualTo(204);
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "750", "715", "725", "")), "firstSlot"))
                .isEqualTo("Slot 715 is a slot of the parking lot Main (701–720).");
        assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "710", "751", "755", "")), "parkNumber"))
                .isEqualTo("710 is a slot of the parking lot Main (701–720).");

        assertThat(api().post("/api/v1/speed-dials", "{\"code\":\"583\",\"number\":\"" + ext.number() + "\"}")
                .status()).isEqualTo(201);
        try {
            assertThat(errorOf(api().post("/api/v1/parking/lots", lot("Back", "580", "581", "585", "")),
                    "firstSlot")).isEqualTo("Slot 583 is a speed-dial code.");
        } finally {
            assertThat(api().delete("/api/v1/speed-dials/583").status()).isEqualTo(204);
        }
    }

    @Test
    void extensionsTeamsSpeedDialsAndBlfKeysTreatALotsNumbersAsItsOwn() {
        assertThat(api().post("/api/v1/parking/lots", lot("Yard", "580", "581", "585", "")).status())
                .isEqualTo(201);
        assertThat(errorOf(api().post("/api/v1/speed-dials", "{\"code\":\"582\",\"number\":\"1000\"}"), "code"))
                .isEqualTo("582 is a slot of the parking lot Yard (581–585).");
        assertThat(errorOf(api().post("/api/v1/speed-dials", "{\"code\":\"580\",\"number\":\"1000\"}"), "code"))
                .isEqualTo("580 is the park number of the parking lot Yard.");
        // the default lot's numbers stay refused as before
        assertThat(errorOf(api().post("/api/v1/speed-dials", "{\"code\":\"700\",\"number\":\"1000\"}"), "code"))
                .contains("park number");

        var lot = api().post("/api/v1/parking/lots", lot("Annex", "690", "691", "695", ""));
        assertThat(lot.status()).as(lot.body()).isEqualTo(201);
        var team = api().post("/api/v1/teams", "{\"name\":\"In the annex " + SEQUENCE.incrementAndGet()
                + "\",\"number\":\"693\",\"strategy\":\"hunt\",\"members\":[]}");
        assertThat(errorOf(team, "number")).isEqualTo("693 is a slot of the parking lot Annex (691–695).");

        // a lot in the extension range: the next extension number is handed out past it
        int last = Integer.parseInt(Calls.newExtension(this).number());
        var inRange = api().post("/api/v1/parking/lots", lot("High", Integer.toString(last + 1),
                Integer.toString(last + 2), Integer.toString(last + 4), ""));
        assertThat(inRange.status()).as(inRange.body()).isEqualTo(201);
        assertThat(Calls.newExtension(this).number()).isEqualTo(Integer.toString(last + 5));
        // and an import naming one of its numbers is refused on that row
        var imported = bean(org.carillon.pbx.extension.ExtensionCsv.class).importCsv(
                bean(org.carillon.pbx.tenant.TenantDirectory.class).current(), """
                        number,email,firstName,lastName,role
                        %d,lot%d@example.com,Lot,Clash,agent
                        """.formatted(last + 3, SEQUENCE.incrementAndGet()),
                new org.carillon.pbx.extension.Actor(OWNER, org.carillon.pbx.access.Role.OWNER,
                        java.util.Optional.empty(), "test"));
        assertThat(imported.created()).isEmpty();
        assertThat(imported.problems().get(2)).contains((last + 3) + " is a slot of the parking lot High");

        String mine = Calls.newExtension(this).number();
        var keys = api().send("PUT", "/api/v1/extensions/" + mine + "/blf-keys", "{\"keys\":["
                + "{\"position\":1,\"type\":\"park_slot\",\"value\":\"" + (last + 3) + "\",\"label\":\"High\"},"
                + "{\"position\":2,\"type\":\"park_slot\",\"value\":\"" + (last + 1) + "\"}]}");
        assertThat(errorOf(keys, "keys[1].value")).as("a park number is no slot").isEqualTo("Parking slots are "
                + "701–720, 581–585, 691–695, " + (last + 2) + "–" + (last + 4) + ".");
        assertThat(keys.body()).doesNotContain("keys[0].value");
    }

    @Test
    void theParkingPageIsSearchedIgnoringCaseAndPagedByTwentyFiveLots() {
        String tag = "Lot" + new java.util.Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        for (int i = 0; i < 26; i++) { // park 800, slot 801; park 802, slot 803; ...
            String park = Integer.toString(800 + 2 * i);
            String slot = Integer.toString(801 + 2 * i);
            var r = api().post("/api/v1/parking/lots", lot(tag + " " + i, park, slot, slot, ""));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var web = new org.carillon.platform.testing.WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var first = web.get("/parking?q=" + tag.toUpperCase());
        assertThat(first.body()).contains("id=\"lot-search\"").contains("26 parking lots").contains("1 / 2");
        assertThat(first.body().split("data-lot=\"", -1)).hasSize(26); // 25 lots on the first page
        var second = web.get("/parking?q=" + tag + "&page=1");
        assertThat(second.body().split("data-lot=\"", -1)).hasSize(2);
        assertThat(second.body()).contains("2 / 2");
        assertThat(web.get("/parking?q=807").body()).contains("1 parking lot<").contains(tag + " 3<");
        assertThat(web.get("/parking?q=no+such+lot+anywhere").body()).contains("No parking lots found.");
    }
}
