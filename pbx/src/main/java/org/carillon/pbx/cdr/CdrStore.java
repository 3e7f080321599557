package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for {@code call_record}. Same SQL on H2 and PostgreSQL. */
@Repository
public class CdrStore {
    private static final String INSERT = """
            INSERT INTO call_record (id, tenant_id, caller, dialled, callee, started_at, answered_at, ended_at,
                duration_seconds, result, sip_status, ended_by, transfers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CdrStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(CallRecord r) {
        jdbc.sql(INSERT).params(columns(r)).update();
    }

    /** Inserts all records with one batched statement; the caller supplies the transaction. */
    public void insertAll(List<CallRecord> records) {
        template.batchUpdate(INSERT, records.stream().map(CdrStore::columns).toList());
    }

    private static Object[] columns(CallRecord r) {
        return new Object[] {r.id(), r.tenantId(), r.caller(), r.dialled(), r.callee().orElse(""),
                AccountStore.utc(r.startedAt()), r.answeredAt().map(AccountStore::utc).orElse(null),
                AccountStore.utc(r.endedAt()), r.durationSeconds(), r.result().wire(), r.status(),
                r.endedBy(), String.join(",", r.transfers())};
    }

    /** One page of a tenant's calls, newest first, and how many match in all. */
    public Page search(long tenantId, CallHistoryQuery q) {
        var where = new StringBuilder(" WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        q.number().ifPresent(n -> {
            where.append(" AND (caller = ? OR dialled = ? OR callee = ?)");
            params.addAll(List.of(n, n, n));
        });
        q.result().ifPresent(r -> {
            where.append(" AND result = ?");
            params.add(r.wire());
        });
        q.from().ifPresent(f -> {
            where.append(" AND started_at >= ?");
            params.add(AccountStore.utc(f));
        });
        q.to().ifPresent(t -> {
            where.append(" AND started_at < ?");
            params.add(AccountStore.utc(t));
        });
        long total = jdbc.sql("SELECT COUNT(*) FROM call_record" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.size());
        paged.add((long) q.page() * q.size());
        List<CallRecord> rows = jdbc.sql("SELECT * FROM call_record" + where
                        + " ORDER BY started_at DESC, id LIMIT ? OFFSET ?")
                .params(paged).query(CdrStore::row).list();
        return new Page(rows, total);
    }

    public Optional<CallRecord> find(long tenantId, String id) {
        return jdbc.sql("SELECT * FROM call_record WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(CdrStore::row).optional();
    }

    /** A page of results. */
    public record Page(List<CallRecord> calls, long total) {
    }

    private static CallRecord row(ResultSet rs, int n) throws SQLException {
        String callee = rs.getString("callee");
        String transfers = rs.getString("transfers");
        return new CallRecord(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("caller"),
                rs.getString("dialled"), callee.isEmpty() ? Optional.empty() : Optional.of(callee),
                instant(rs, "started_at").orElseThrow(), instant(rs, "answered_at"),
                instant(rs, "ended_at").orElseThrow(), CallResult.ofWire(rs.getString("result")),
                rs.getInt("sip_status"), rs.getString("ended_by"),
                transfers.isEmpty() ? List.of() : Arrays.asList(transfers.split(",")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        var odt = rs.getObject(column, java.time.OffsetDateTime.class);
        return Optional.ofNullable(odt).map(java.time.OffsetDateTime::toInstant);
    }
}
