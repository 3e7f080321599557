package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** SQL for {@code parking_lot}. Every change names the tenant. */
@Component
class ParkingLotStore {
    private static final String COLUMNS = "id, tenant_id, name, park_number, first_slot, last_slot, timeout_seconds,"
            + " fallback_type, fallback_target, music_on_hold, is_default";
    private final JdbcClient jdbc;

    ParkingLotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ParkingLot> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parking_lot ORDER BY tenant_id, id").query((rs, i) -> row(rs))
                .list();
    }

    /** The tenants that have no default lot yet (created since, or never saved parking settings). */
    List<Long> tenantsWithoutDefault() {
        return jdbc.sql("SELECT id FROM tenant t WHERE NOT EXISTS (SELECT 1 FROM parking_lot l"
                + " WHERE l.tenant_id = t.id AND l.is_default) ORDER BY id").query(Long.class).list();
    }

    /** @return the new lot's id */
    long insert(ParkingLot l, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO parking_lot (tenant_id, name, park_number, first_slot, last_slot, timeout_seconds,"
                        + " fallback_type, fallback_target, music_on_hold, is_default, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(l.tenantId(), l.name(), l.parkNumber(), l.firstSlot(), l.lastSlot(), l.timeoutSeconds(),
                        l.fallback().type().wire(), l.fallback().target(), l.musicOnHold(), l.isDefault(),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** @return false when the tenant has no such lot */
    boolean update(ParkingLot l, Instant now) {
        return jdbc.sql("UPDATE parking_lot SET name = ?, park_number = ?, first_slot = ?, last_slot = ?,"
                        + " timeout_seconds = ?, fallback_type = ?, fallback_target = ?, music_on_hold = ?,"
                        + " updated_at = ? WHERE id = ? AND tenant_id = ?")
                .params(l.name(), l.parkNumber(), l.firstSlot(), l.lastSlot(), l.timeoutSeconds(),
                        l.fallback().type().wire(), l.fallback().target(), l.musicOnHold(), Timestamp.from(now),
                        l.id(), l.tenantId())
                .update() == 1;
    }

    /** Deletes a lot that is not the default. @return false when there was none */
    boolean delete(long tenantId, long id) {
        return jdbc.sql("DELETE FROM parking_lot WHERE id = ? AND tenant_id = ? AND NOT is_default")
                .params(id, tenantId).update() == 1;
    }

    private static ParkingLot row(ResultSet rs) throws SQLException {
        return new ParkingLot(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
                rs.getString("park_number"), rs.getInt("first_slot"), rs.getInt("last_slot"),
                rs.getInt("timeout_seconds"), new Destination(Destination.Type.valueOf(
                rs.getString("fallback_type").toUpperCase(Locale.ROOT)), rs.getString("fallback_target")),
                rs.getString("music_on_hold"), rs.getBoolean("is_default"));
    }
}
