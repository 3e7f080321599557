package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.HoursText;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQL for {@code team}, {@code team_member} and {@code team_supervisor}. Every query names the tenant. */
@Repository
public class TeamStore {
    private final JdbcClient jdbc;

    public TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> all() {
        return jdbc.sql("SELECT * FROM team ORDER BY tenant_id, number").query(this::map).list();
    }

    public long insert(Team t, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO team (tenant_id, name, number, strategy, ring_seconds, max_wait_seconds, wrap_up_seconds,
                                  announce_seconds, music_on_hold, service_level_seconds, overflow_type,
                                  overflow_target, office_hours, out_of_hours_type, out_of_hours_target, own_hours,
                                  exempt_from_global_holidays, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.tenantId(), t.name(), t.number(), t.strategy().wire(), t.ringSeconds(), t.maxWaitSeconds(),
                        t.wrapUpSeconds(), t.announceSeconds(), t.musicOnHold(), t.serviceLevelSeconds(),
                        t.overflow().map(d -> d.type().wire()).orElse(null),
                        t.overflow().map(Destination::target).orElse(""), t.officeHours(),
                        t.outOfHours().map(d -> d.type().wire()).orElse(null),
                        t.outOfHours().map(Destination::target).orElse(""), HoursText.write(t.hours()),
                        t.exemptFromGlobalHolidays(), AccountStore.utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeMembers(id, t);
        return id;
    }

    public void update(Team t) {
        jdbc.sql("""
                UPDATE team SET name = ?, number = ?, strategy = ?, ring_seconds = ?, max_wait_seconds = ?,
                       wrap_up_seconds = ?, announce_seconds = ?, music_on_hold = ?, service_level_seconds = ?,
                       overflow_type = ?, overflow_target = ?, office_hours = ?, out_of_hours_type = ?,
                       out_of_hours_target = ?, own_hours = ?, exempt_from_global_holidays = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(t.name(), t.number(), t.strategy().wire(), t.ringSeconds(), t.maxWaitSeconds(),
                        t.wrapUpSeconds(), t.announceSeconds(), t.musicOnHold(), t.serviceLevelSeconds(),
                        t.overflow().map(d -> d.type().wire()).orElse(null),
                        t.overflow().map(Destination::target).orElse(""), t.officeHours(),
                        t.outOfHours().map(d -> d.type().wire()).orElse(null),
                        t.outOfHours().map(Destination::target).orElse(""), HoursText.write(t.hours()),
                        t.exemptFromGlobalHolidays(), t.tenantId(), t.id())
                .update();
        jdbc.sql("DELETE FROM team_member WHERE team_id = ?").param(t.id()).update();
        jdbc.sql("DELETE FROM team_supervisor WHERE team_id = ?").param(t.id()).update();
        writeMembers(t.id(), t);
    }

    public void delete(long tenantId, long id) {
        jdbc.sql("DELETE FROM team WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    private void writeMembers(long id, Team t) {
        for (int i = 0; i < t.members().size(); i++) {
            jdbc.sql("INSERT INTO team_member (team_id, position, extension) VALUES (?, ?, ?)")
                    .params(id, i, t.members().get(i)).update();
        }
        for (String s : t.supervisors()) {
            jdbc.sql("INSERT INTO team_supervisor (team_id, extension) VALUES (?, ?)").params(id, s).update();
        }
    }

    private Team map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> members = jdbc.sql("SELECT extension FROM team_member WHERE team_id = ? ORDER BY position")
                .param(id).query(String.class).list();
        List<String> supervisors = jdbc.sql("SELECT extension FROM team_supervisor WHERE team_id = ? ORDER BY extension")
                .param(id).query(String.class).list();
        Optional<Destination> overflow = destination(rs, "overflow");
        return new Team(id, rs.getLong("tenant_id"), rs.getString("name"), rs.getString("number"),
                Strategy.ofWire(rs.getString("strategy")), members, supervisors, rs.getInt("ring_seconds"),
                rs.getInt("max_wait_seconds"), rs.getInt("wrap_up_seconds"), rs.getInt("announce_seconds"),
                rs.getString("music_on_hold"), rs.getInt("service_level_seconds"), overflow,
                rs.getString("office_hours"), destination(rs, "out_of_hours"), HoursText.read(rs.getString("own_hours")),
                rs.getBoolean("exempt_from_global_holidays"));
    }

    private static Optional<Destination> destination(ResultSet rs, String prefix) throws SQLException {
        String type = rs.getString(prefix + "_type");
        return type == null ? Optional.empty() : Optional.of(new Destination(
                Destination.Type.valueOf(type.toUpperCase(Locale.ROOT)), rs.getString(prefix + "_target")));
    }
}
