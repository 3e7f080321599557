package org.carillon.pbx.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for {@code feature_code}: a tenant's codes that differ from the defaults. Every query names the tenant. */
@Component
class FeatureCodeStore {
    private final JdbcClient jdbc;

    FeatureCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every tenant's overridden codes: tenant id → feature → code. */
    Map<Long, Map<Feature, String>> all() {
        Map<Long, Map<Feature, String>> out = new HashMap<>();
        jdbc.sql("SELECT tenant_id, feature, code FROM feature_code").query(rs -> {
            long tenant = rs.getLong("tenant_id");
            String code = rs.getString("code");
            Feature.find(rs.getString("feature")).ifPresent(f -> out
                    .computeIfAbsent(tenant, k -> new HashMap<>()).put(f, code));
        });
        return out;
    }

    /** Replaces the tenant's rows by {@code overrides} (call inside a transaction). */
    void replace(long tenantId, List<Map.Entry<Feature, String>> overrides) {
        jdbc.sql("DELETE FROM feature_code WHERE tenant_id = ?").param(tenantId).update();
        for (var e : overrides) {
            jdbc.sql("INSERT INTO feature_code (tenant_id, feature, code) VALUES (?, ?, ?)")
                    .params(tenantId, e.getKey().wire(), e.getValue()).update();
        }
    }
}
