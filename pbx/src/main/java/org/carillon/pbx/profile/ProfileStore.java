package org.carillon.pbx.profile;

import org.carillon.pbx.call.Destination;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** SQL for {@code call_profile}. */
@Repository
public class ProfileStore {
    private static final String RULE_COLUMNS = "ring_seconds, ring_mobile, no_answer_type, no_answer, busy_type, busy, "
            + "unreg_type, unreg";
    private final JdbcClient jdbc;

    public ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CallProfile> list(long extensionId) {
        return jdbc.sql("SELECT id, kind, name, position, active, call_waiting, " + columns("int_") + ", "
                        + columns("ext_") + " FROM call_profile WHERE extension_id = ? ORDER BY position")
                .param(extensionId).query((rs, n) -> new CallProfile(rs.getLong(1),
                        CallProfile.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3),
                        rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rule(rs, 7), rule(rs, 15)))
                .list();
    }

    /**
     * Where the active profile of every extension of the tenant may send a caller (no answer, busy, unregistered;
     * internal and external rules), by extension number. Extensions whose profiles were never created have none.
     */
    public Map<String, List<Destination>> activeDestinations(long tenantId) {
        Map<String, List<Destination>> out = new HashMap<>();
        jdbc.sql("SELECT e.number, " + columns("p.int_") + ", " + columns("p.ext_") + " FROM call_profile p "
                        + "JOIN extension e ON e.id = p.extension_id WHERE p.tenant_id = ? AND p.active")
                .param(tenantId).query(rs -> {
                    List<Destination> d = new ArrayList<>(destinations(rule(rs, 2)));
                    d.addAll(destinations(rule(rs, 10)));
                    out.put(rs.getString(1), d);
                });
        return out;
    }

    /** The three destinations of a rule. */
    static List<Destination> destinations(CallRule r) {
        return List.of(r.onNoAnswer(), r.onBusy(), r.onUnregistered());
    }

    public long insert(long tenantId, long extensionId, CallProfile p, Instant now) {
        var keys = new GeneratedKeyHolder();
        List<Object> values = new ArrayList<>(List.of(tenantId, extensionId, p.kind().wire(), p.name(),
                p.name().toLowerCase(Locale.ROOT), p.position(), p.active(), p.callWaiting()));
        values.addAll(values(p.internal()));
        values.addAll(values(p.external()));
        values.add(AccountStore.utc(now));
        jdbc.sql("INSERT INTO call_profile (tenant_id, extension_id, kind, name, name_key, position, active, "
                        + "call_waiting, " + columns("int_") + ", " + columns("ext_") + ", updated_at) VALUES ("
                        + "?, ".repeat(24) + "?)")
                .params(values).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long extensionId, CallProfile p, Instant now) {
        List<Object> values = new ArrayList<>(List.of(p.name(), p.name().toLowerCase(Locale.ROOT), p.callWaiting()));
        values.addAll(values(p.internal()));
        values.addAll(values(p.external()));
        values.addAll(List.of(AccountStore.utc(now), extensionId, p.id()));
        jdbc.sql("UPDATE call_profile SET name = ?, name_key = ?, call_waiting = ?, "
                        + assignments("int_") + ", " + assignments("ext_")
                        + ", updated_at = ? WHERE extension_id = ? AND id = ?")
                .params(values).update();
    }

    /** Makes {@code profileId} the only active profile of the extension. */
    public void activate(long extensionId, long profileId) {
        jdbc.sql("UPDATE call_profile SET active = (id = ?) WHERE extension_id = ?").params(profileId, extensionId)
                .update();
    }

    public void delete(long extensionId, long profileId) {
        jdbc.sql("DELETE FROM call_profile WHERE extension_id = ? AND id = ?").params(extensionId, profileId).update();
    }

    private static String columns(String prefix) {
        return prefix + RULE_COLUMNS.replace(", ", ", " + prefix);
    }

    private static String assignments(String prefix) {
        return columns(prefix).replace(",", " = ?,") + " = ?";
    }

    private static List<Object> values(CallRule r) {
        return List.of(r.ringSeconds(), r.ringMobile(), r.onNoAnswer().type().wire(), r.onNoAnswer().target(),
                r.onBusy().type().wire(), r.onBusy().target(), r.onUnregistered().type().wire(),
                r.onUnregistered().target());
    }

    private static CallRule rule(ResultSet rs, int first) throws SQLException {
        return new CallRule(rs.getInt(first), rs.getBoolean(first + 1), destination(rs, first + 2),
                destination(rs, first + 4), destination(rs, first + 6));
    }

    private static Destination destination(ResultSet rs, int column) throws SQLException {
        return new Destination(Destination.Type.valueOf(rs.getString(column).toUpperCase(Locale.ROOT)),
                rs.getString(column + 1));
    }
}
