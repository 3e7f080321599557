package org.carillon.pbx.audit;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the audit log (the PBX writes it through {@link AuditTrail}; nothing here changes a line). */
@Repository
public class AuditStore {
    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of matching entries, newest first, and how many match in all. */
    public record Found(List<AuditEntry> entries, long total) {
    }

    public Found search(AuditQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        q.actor().ifPresent(a -> {
            where.append(" AND LOWER(actor) = ?");
            params.add(a.strip().toLowerCase(Locale.ROOT));
        });
        q.objectType().ifPresent(t -> {
            where.append(" AND object_type = ?");
            params.add(t.strip());
        });
        q.objectId().ifPresent(i -> {
            where.append(" AND object_id = ?");
            params.add(i.strip());
        });
        q.from().ifPresent(f -> {
            where.append(" AND occurred_at >= ?");
            params.add(AccountStore.utc(f));
        });
        q.to().ifPresent(t -> {
            where.append(" AND occurred_at < ?");
            params.add(AccountStore.utc(t));
        });
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.size());
        paged.add((long) q.page() * q.size());
        List<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(paged).query((rs, n) -> entry(rs)).list();
        return new Found(entries, total);
    }

    /** The kinds of object the log holds, for the filter's choices. */
    public List<String> objectTypes() {
        return jdbc.sql("SELECT DISTINCT object_type FROM audit_event ORDER BY object_type").query(String.class).list();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), AccountStore.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("detail"), rs.getString("source"), Optional.ofNullable(rs.getString("before_state")),
                Optional.ofNullable(rs.getString("after_state")));
    }
}
