package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** SQL for {@code parking_policy}. Every query names the tenant. */
@Component
class ParkingPolicyStore {
    private final JdbcClient jdbc;

    ParkingPolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, ParkingPolicy> all() {
        Map<Long, ParkingPolicy> m = new HashMap<>();
        jdbc.sql("SELECT tenant_id, timeout_seconds, fallback_type, fallback_target FROM parking_policy")
                .query(rs -> {
                    m.put(rs.getLong("tenant_id"), row(rs));
                });
        return m;
    }

    private static ParkingPolicy row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ParkingPolicy(rs.getInt("timeout_seconds"), new Destination(
                Destination.Type.valueOf(rs.getString("fallback_type").toUpperCase(Locale.ROOT)),
                rs.getString("fallback_target")));
    }

    Optional<ParkingPolicy> find(long tenantId) {
        return jdbc.sql("SELECT timeout_seconds, fallback_type, fallback_target FROM parking_policy WHERE tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** Inserts or replaces the tenant's row. */
    void put(long tenantId, ParkingPolicy p, Instant now) {
        jdbc.sql("DELETE FROM parking_policy WHERE tenant_id = ?").param(tenantId).update();
        jdbc.sql("INSERT INTO parking_policy (tenant_id, timeout_seconds, fallback_type, fallback_target, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, p.timeoutSeconds(), p.fallback().type().wire(), p.fallback().target(),
                        Timestamp.from(now))
                .update();
    }
}
