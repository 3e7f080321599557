package org.carillon.pbx.blf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** SQL for {@code blf_key}. Every query names the tenant. */
@Component
class BlfKeyStore {
    private final JdbcClient jdbc;

    BlfKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BlfKey> list(long tenantId, long extensionId) {
        return jdbc.sql("SELECT position, type, key_value, label FROM blf_key WHERE tenant_id = ? AND extension_id = ?"
                        + " ORDER BY position").params(tenantId, extensionId)
                .query((rs, i) -> new BlfKey(rs.getInt("position"), BlfKeyType.fromWire(rs.getString("type")),
                        rs.getString("key_value"), rs.getString("label"))).list();
    }

    /** Replaces the extension's keys (call inside a transaction). */
    void replace(long tenantId, long extensionId, List<BlfKey> keys) {
        jdbc.sql("DELETE FROM blf_key WHERE tenant_id = ? AND extension_id = ?").params(tenantId, extensionId).update();
        for (BlfKey k : keys) {
            jdbc.sql("INSERT INTO blf_key (tenant_id, extension_id, position, type, key_value, label)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(tenantId, extensionId, k.position(), k.type().wire(), k.value(), k.label()).update();
        }
    }
}
