package org.carillon.pbx.call;

import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parking lots (issue 10) on PostgreSQL: the default lot's settings saved, replaced, read back and audited; a second
 * lot created and deleted.
 */
class ParkingPostgresIT extends CallPostgresContext {

    @Test
    void parkingSettingsAreStoredAndReplacedOnPostgres() {
        Calls.Ext f = Calls.newExtension(this);
        long tenant = bean(TenantDirectory.class).current().id();
        var first = api().put("/api/v1/parking/settings", "{\"timeoutSeconds\": 45, \"fallback\": {\"type\": "
                + "\"extension\", \"target\": \"" + f.number() + "\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = api().put("/api/v1/parking/settings",
                "{\"timeoutSeconds\": 3600, \"fallback\": {\"type\": \"hangup\", \"target\": \"busy\"}}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        Map<String, Object> row = jdbc().sql("SELECT id, timeout_seconds, fallback_type, fallback_target FROM parking_lot"
                + " WHERE tenant_id = ? AND is_default").param(tenant).query().singleRow();
        assertThat(row).containsEntry("timeout_seconds", 3600).containsEntry("fallback_type", "hangup")
                .containsEntry("fallback_target", "busy");
        JsonNode settings = api().get("/api/v1/parking/settings").json();
        assertThat(settings.path("timeoutSeconds").asInt()).isEqualTo(3600);
        assertThat(settings.path("fallback").path("target").asString()).isEqualTo("busy");
        JsonNode audit = api().get("/api/v1/audit?objectType=parking_lot&objectId=" + row.get("id")).json()
                .path("items").get(0);
        assertThat(audit.path("before").path("timeoutSeconds").asInt()).isEqualTo(45);
        assertThat(audit.path("after").path("fallbackType").asString()).isEqualTo("hangup");

        var lot = api().post("/api/v1/parking/lots", "{\"name\":\"Dock\",\"parkNumber\":\"750\",\"firstSlot\":"
                + "\"751\",\"lastSlot\":\"755\",\"timeoutSeconds\":30,\"fallback\":{\"type\":\"hangup\","
                + "\"target\":\"\"}}");
        assertThat(lot.status()).as(lot.body()).isEqualTo(201);
        var twice = api().post("/api/v1/parking/lots", "{\"name\":\"dock\",\"parkNumber\":\"760\",\"firstSlot\":"
                + "\"761\",\"lastSlot\":\"765\",\"timeoutSeconds\":30,\"fallback\":{\"type\":\"hangup\","
                + "\"target\":\"\"}}");
        assertThat(twice.status()).as("names are unique whatever their case").isEqualTo(400);
        assertThat(api().delete("/api/v1/parking/lots/" + lot.json().path("id").asLong()).status()).isEqualTo(204);
    }
}
