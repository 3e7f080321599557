package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
        template.update(INSERT, ps -> set(ps, r));
    }

    /** Inserts all records with one batched statement; the caller supplies the transaction. */
    public void insertAll(List<CallRecord> records) {
        template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                set(ps, records.get(i));
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
    }

    /**
     * The row's columns with typed setters: every call's history goes through here (issue 6), and untyped arguments
     * cost Spring a type look-up per column (for a null, the statement's parameter metadata).
     */
    private static void set(PreparedStatement ps, CallRecord r) throws SQLException {
        ps.setString(1, r.id());
        ps.setLong(2, r.tenantId());
        ps.setString(3, r.caller());
        ps.setString(4, r.dialled());
        ps.setString(5, r.callee().orElse(""));
        ps.setObject(6, AccountStore.utc(r.startedAt()));
        if (r.answeredAt().isPresent()) {
            ps.setObject(7, AccountStore.utc(r.answeredAt().get()));
        } else {
            ps.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        ps.setObject(8, AccountStore.utc(r.endedAt()));
        ps.setLong(9, r.durationSeconds());
        ps.setString(10, r.result().wire());
        ps.setInt(11, r.status());
        ps.setString(12, r.endedBy());
        ps.setString(13, r.transfers().isEmpty() ? "" : String.join(",", r.transfers()));
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

    /**
     * Calls of a tenant started in {@code [from, from + hours h)}, counted per elapsed hour since {@code from} (one
     * GROUP BY, same SQL on H2 and PostgreSQL). From local midnight, index {@code i} is the hour starting at
     * {@code from + i h}, which is the local hour {@code i} except on a daylight-saving day.
     *
     * @return {@code hours} counts, zero for hours without calls
     */
    public long[] countPerHour(long tenantId, Instant from, int hours) {
        long[] counts = new long[hours];
        jdbc.sql("""
                        SELECT h, COUNT(*) AS n FROM (
                            SELECT CAST(FLOOR((EXTRACT(EPOCH FROM started_at) - ?) / 3600) AS INTEGER) AS h
                            FROM call_record WHERE tenant_id = ? AND started_at >= ? AND started_at < ?) t
                        GROUP BY h""")
                .params(from.getEpochSecond(), tenantId, AccountStore.utc(from),
                        AccountStore.utc(from.plusSeconds(3600L * hours)))
                .query((rs, n) -> {
                    int h = rs.getInt("h");
                    if (h >= 0 && h < hours) {
                        counts[h] = rs.getLong("n");
                    }
                    return h;
                }).list();
        return counts;
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
