package org.carillon.pbx.team;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL for {@code team_call}: one row per caller who left a team's queue. Every query names the tenant. The table's
 * only writer is {@link #insert}, so {@link #writes} tells readers when a team's figures may have changed.
 */
@Repository
public class TeamCallStore {
    private final JdbcClient jdbc;
    private final Map<Long, Long> writes = new ConcurrentHashMap<>();

    public TeamCallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a queued caller's stay ended. */
    public enum Result {
        ANSWERED, ABANDONED, OVERFLOW;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One caller's stay in a team's queue.
     *
     * @param agent      who answered; empty for abandoned and overflowed callers
     * @param answeredAt when the agent answered
     * @param waitMillis from joining the queue to the answer, hang-up or overflow
     * @param talkMillis from the answer to the end of the call (0 when unanswered)
     */
    public record Row(String id, long tenantId, long teamId, String caller, String agent, Instant queuedAt,
                      Optional<Instant> answeredAt, Instant endedAt, Result result, long waitMillis, long talkMillis) {
    }

    public void insert(Row r) {
        jdbc.sql("""
                INSERT INTO team_call (id, tenant_id, team_id, caller, agent, queued_at, answered_at, ended_at, result,
                                       wait_ms, talk_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.tenantId(), r.teamId(), r.caller(), r.agent(), AccountStore.utc(r.queuedAt()),
                        r.answeredAt().map(AccountStore::utc).orElse(null), AccountStore.utc(r.endedAt()),
                        r.result().wire(), r.waitMillis(), r.talkMillis()).update();
        writes.merge(r.teamId(), 1L, Long::sum);
    }

    /** How many rows of the team this process wrote (changes after each {@link #insert}). */
    public long writes(long teamId) {
        return writes.getOrDefault(teamId, 0L);
    }

    /** Rows of a team queued in [{@code from}, {@code to}), oldest first. */
    public List<Row> between(long tenantId, long teamId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM team_call WHERE tenant_id = ? AND team_id = ? AND queued_at >= ? AND queued_at < ?
                ORDER BY queued_at""")
                .params(tenantId, teamId, AccountStore.utc(from), AccountStore.utc(to))
                .query((rs, i) -> new Row(rs.getString("id"), rs.getLong("tenant_id"), rs.getLong("team_id"),
                        rs.getString("caller"), rs.getString("agent"),
                        rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                        Result.valueOf(rs.getString("result").toUpperCase(java.util.Locale.ROOT)),
                        rs.getLong("wait_ms"), rs.getLong("talk_ms")))
                .list();
    }
}
