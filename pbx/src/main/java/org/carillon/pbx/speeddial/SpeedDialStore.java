package org.carillon.pbx.speeddial;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** SQL for {@code speed_dial}. Every query names the tenant. */
@Component
class SpeedDialStore {
    private static final String SELECT = "SELECT tenant_id, owner, code, number, label FROM speed_dial";
    private final JdbcClient jdbc;

    SpeedDialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SpeedDial> all() {
        return jdbc.sql(SELECT).query((rs, i) -> new SpeedDial(rs.getLong("tenant_id"), rs.getString("owner"),
                rs.getString("code"), rs.getString("number"), rs.getString("label"))).list();
    }

    /** Inserts or replaces the speed dial of the same owner and code. */
    void put(SpeedDial s) {
        jdbc.sql("DELETE FROM speed_dial WHERE tenant_id = ? AND owner = ? AND code = ?")
                .params(s.tenantId(), s.owner(), s.code()).update();
        jdbc.sql("INSERT INTO speed_dial (tenant_id, owner, code, number, label) VALUES (?, ?, ?, ?, ?)")
                .params(s.tenantId(), s.owner(), s.code(), s.number(), s.label()).update();
    }

    boolean delete(long tenantId, String owner, String code) {
        return jdbc.sql("DELETE FROM speed_dial WHERE tenant_id = ? AND owner = ? AND code = ?")
                .params(tenantId, owner, code).update() > 0;
    }

    void deleteOwner(long tenantId, String owner) {
        jdbc.sql("DELETE FROM speed_dial WHERE tenant_id = ? AND owner = ?").params(tenantId, owner).update();
    }
}
