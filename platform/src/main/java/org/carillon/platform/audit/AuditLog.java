package org.carillon.platform.audit;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * The append-only audit log. There is deliberately no update or delete: an entry, once written in the same
 * transaction as the change it describes, stays.
 */
@Service
public class AuditLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actor      the account email, or {@code system}
     * @param source     the client address, or {@code system}
     */
    public void record(String actor, String action, String objectType, String objectId, String detail, String source) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, detail, source)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(AccountStore.utc(clock.instant()), actor, action, objectType, objectId, detail, source)
                .update();
    }

    /** Newest first. */
    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), AccountStore.instant(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("detail"), rs.getString("source")))
                .list();
    }
}
