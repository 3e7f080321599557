package org.carillon.pbx.team;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for {@code agent}, {@code agent_history} and {@code aux_code}. Every query names the tenant. */
@Repository
public class AgentStore {
    private final JdbcClient jdbc;

    public AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of an agent's history. */
    public record Change(String extension, AgentState from, AgentState to, String auxCode, Instant at, String by) {
    }

    /** A break reason. */
    public record AuxCode(String code, String label) {
    }

    public List<Agent> all() {
        return jdbc.sql("SELECT * FROM agent").query(AgentStore::map).list();
    }

    public void insert(Agent a) {
        jdbc.sql("""
                INSERT INTO agent (tenant_id, extension, state, aux_code, since, idle_since, wrap_up_until, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.tenantId(), a.extension(), a.state().wire(), a.auxCode(), AccountStore.utc(a.since()),
                        AccountStore.utc(a.idleSince()), a.wrapUpUntil().map(AccountStore::utc).orElse(null),
                        a.version()).update();
    }

    /** Compare-and-set on the version. @return false when another writer changed the row first */
    public boolean update(Agent from, Agent to) {
        return jdbc.sql("""
                UPDATE agent SET state = ?, aux_code = ?, since = ?, idle_since = ?, wrap_up_until = ?, version = ?
                WHERE tenant_id = ? AND extension = ? AND version = ?""")
                .params(to.state().wire(), to.auxCode(), AccountStore.utc(to.since()), AccountStore.utc(to.idleSince()),
                        to.wrapUpUntil().map(AccountStore::utc).orElse(null), to.version(), from.tenantId(),
                        from.extension(), from.version()).update() == 1;
    }

    /** Forgets an agent (its extension was deleted); its history stays. */
    public void delete(long tenantId, String extension) {
        jdbc.sql("DELETE FROM agent WHERE tenant_id = ? AND extension = ?").params(tenantId, extension).update();
    }

    public void history(long tenantId, Change c) {
        jdbc.sql("""
                INSERT INTO agent_history (tenant_id, extension, from_state, to_state, aux_code, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, c.extension(), c.from().wire(), c.to().wire(), c.auxCode(), AccountStore.utc(c.at()),
                        c.by().length() > 254 ? c.by().substring(0, 254) : c.by()).update();
    }

    /** The newest {@code limit} changes of an agent, newest first. */
    public List<Change> history(long tenantId, String extension, int limit) {
        return jdbc.sql("""
                SELECT * FROM agent_history WHERE tenant_id = ? AND extension = ?
                ORDER BY changed_at DESC, id DESC LIMIT ?""")
                .params(tenantId, extension, limit)
                .query((rs, i) -> new Change(rs.getString("extension"),
                        AgentState.find(rs.getString("from_state")).orElseThrow(),
                        AgentState.find(rs.getString("to_state")).orElseThrow(), rs.getString("aux_code"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by")))
                .list();
    }

    public List<AuxCode> auxCodes(long tenantId) {
        return jdbc.sql("SELECT code, label FROM aux_code WHERE tenant_id = ? ORDER BY code").param(tenantId)
                .query((rs, i) -> new AuxCode(rs.getString("code"), rs.getString("label"))).list();
    }

    public void replaceAuxCodes(long tenantId, List<AuxCode> codes) {
        jdbc.sql("DELETE FROM aux_code WHERE tenant_id = ?").param(tenantId).update();
        for (AuxCode c : codes) {
            jdbc.sql("INSERT INTO aux_code (tenant_id, code, label) VALUES (?, ?, ?)")
                    .params(tenantId, c.code(), c.label()).update();
        }
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime until = rs.getObject("wrap_up_until", OffsetDateTime.class);
        return new Agent(rs.getLong("tenant_id"), rs.getString("extension"),
                AgentState.find(rs.getString("state")).orElseThrow(), rs.getString("aux_code"),
                rs.getObject("since", OffsetDateTime.class).toInstant(),
                rs.getObject("idle_since", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(until).map(OffsetDateTime::toInstant), Optional.empty(), "",
                rs.getLong("version"));
    }
}
