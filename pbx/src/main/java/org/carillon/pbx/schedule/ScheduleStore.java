package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** SQL for {@code tenant_schedule}, {@code extension_schedule} and {@code holiday}. */
@Repository
public class ScheduleStore {
    private static final String HOLIDAY_COLUMNS =
            "id, name, holiday_date, all_day, start_time, end_time, yearly, has_audio, extension_id";
    private final JdbcClient jdbc;

    public ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A holiday with its owner: empty for a global holiday. */
    public record OwnedHoliday(Holiday holiday, Optional<Long> extensionId) {
    }

    public TenantSchedule tenant(long tenantId, ZoneId zone) {
        List<Holiday> holidays = holidays(tenantId, Optional.empty());
        return jdbc.sql("""
                        SELECT office_hours, break_hours, non_office_type, non_office_target, break_type, break_target,
                               override_mode, override_until FROM tenant_schedule WHERE tenant_id = ?""")
                .param(tenantId)
                .query((rs, n) -> new TenantSchedule(zone, HoursText.read(rs.getString(1)),
                        HoursText.read(rs.getString(2)), destination(rs.getString(3), rs.getString(4)).orElseThrow(),
                        destination(rs.getString(5), rs.getString(6)).orElseThrow(), holidays, override(rs)))
                .optional().orElseGet(() -> {
                    var open = TenantSchedule.open(zone);
                    return new TenantSchedule(zone, open.office(), open.breaks(), open.nonOfficeAction(),
                            open.breakAction(), holidays, Optional.empty());
                });
    }

    public void saveTenant(long tenantId, TenantSchedule s, Instant now) {
        int n = jdbc.sql("""
                        UPDATE tenant_schedule SET office_hours = ?, break_hours = ?, non_office_type = ?,
                               non_office_target = ?, break_type = ?, break_target = ?, updated_at = ?
                        WHERE tenant_id = ?""")
                .params(HoursText.write(s.office()), HoursText.write(s.breaks()), s.nonOfficeAction().type().wire(),
                        s.nonOfficeAction().target(), s.breakAction().type().wire(), s.breakAction().target(),
                        AccountStore.utc(now), tenantId).update();
        if (n == 0) {
            jdbc.sql("""
                            INSERT INTO tenant_schedule (tenant_id, office_hours, break_hours, non_office_type,
                                   non_office_target, break_type, break_target, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, HoursText.write(s.office()), HoursText.write(s.breaks()),
                            s.nonOfficeAction().type().wire(), s.nonOfficeAction().target(),
                            s.breakAction().type().wire(), s.breakAction().target(), AccountStore.utc(now)).update();
        }
    }

    /** Sets or clears the override; the tenant's schedule row must exist (see {@link #saveTenant}). */
    public void saveOverride(long tenantId, Optional<ScheduleOverride> override) {
        jdbc.sql("UPDATE tenant_schedule SET override_mode = ?, override_until = ? WHERE tenant_id = ?")
                .params(override.map(o -> o.mode().wire()).orElse(null),
                        override.map(o -> AccountStore.utc(o.until())).orElse(null), tenantId).update();
    }

    public boolean tenantSaved(long tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM tenant_schedule WHERE tenant_id = ?").param(tenantId)
                .query(Long.class).single() > 0;
    }

    public ExtensionSchedule extension(long tenantId, long extensionId) {
        List<Holiday> holidays = holidays(tenantId, Optional.of(extensionId));
        return jdbc.sql("""
                        SELECT own_hours, office_hours, break_hours, non_office_type, non_office_target, break_type,
                               break_target, exempt_global_holidays FROM extension_schedule WHERE extension_id = ?""")
                .param(extensionId)
                .query((rs, n) -> new ExtensionSchedule(rs.getBoolean(1), HoursText.read(rs.getString(2)),
                        HoursText.read(rs.getString(3)), destination(rs.getString(4), rs.getString(5)),
                        destination(rs.getString(6), rs.getString(7)), holidays, rs.getBoolean(8)))
                .optional().orElseGet(() -> {
                    var g = ExtensionSchedule.global();
                    return new ExtensionSchedule(false, g.office(), g.breaks(), g.nonOfficeAction(), g.breakAction(),
                            holidays, false);
                });
    }

    public void saveExtension(long tenantId, long extensionId, ExtensionSchedule s, Instant now) {
        Object[] values = {s.ownHours(), HoursText.write(s.office()), HoursText.write(s.breaks()),
                s.nonOfficeAction().map(d -> d.type().wire()).orElse(null),
                s.nonOfficeAction().map(Destination::target).orElse(""),
                s.breakAction().map(d -> d.type().wire()).orElse(null), s.breakAction().map(Destination::target).orElse(""),
                s.exemptFromGlobalHolidays(), AccountStore.utc(now)};
        int n = jdbc.sql("""
                        UPDATE extension_schedule SET own_hours = ?, office_hours = ?, break_hours = ?,
                               non_office_type = ?, non_office_target = ?, break_type = ?, break_target = ?,
                               exempt_global_holidays = ?, updated_at = ? WHERE extension_id = ?""")
                .params(concat(values, extensionId)).update();
        if (n == 0) {
            jdbc.sql("""
                            INSERT INTO extension_schedule (own_hours, office_hours, break_hours, non_office_type,
                                   non_office_target, break_type, break_target, exempt_global_holidays, updated_at,
                                   extension_id, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(concat(concat(values, extensionId), tenantId)).update();
        }
    }

    /** Marks exactly the extensions {@code exempt} (ids) as exempt from global holidays. */
    public void setExempt(long tenantId, Collection<Long> exempt, Instant now) {
        jdbc.sql("UPDATE extension_schedule SET exempt_global_holidays = FALSE WHERE tenant_id = ?").param(tenantId)
                .update();
        for (long id : exempt) {
            int n = jdbc.sql("UPDATE extension_schedule SET exempt_global_holidays = TRUE WHERE extension_id = ?")
                    .param(id).update();
            if (n == 0) {
                jdbc.sql("""
                                INSERT INTO extension_schedule (extension_id, tenant_id, exempt_global_holidays, updated_at)
                                VALUES (?, ?, TRUE, ?)""").params(id, tenantId, AccountStore.utc(now)).update();
            }
        }
    }

    /** Numbers of the extensions exempt from global holidays, ascending. */
    public List<String> exemptNumbers(long tenantId) {
        return jdbc.sql("""
                        SELECT e.number FROM extension_schedule s JOIN extension e ON e.id = s.extension_id
                        WHERE s.tenant_id = ? AND s.exempt_global_holidays ORDER BY e.number_value""")
                .param(tenantId).query(String.class).list();
    }

    /** Every extension's number with its own actions (either may be empty = the tenant's), for loop checks. */
    public Map<String, List<Optional<Destination>>> ownActions(long tenantId) {
        Map<String, List<Optional<Destination>>> m = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT e.number, s.non_office_type, s.non_office_target, s.break_type, s.break_target
                        FROM extension e LEFT JOIN extension_schedule s ON s.extension_id = e.id
                        WHERE e.tenant_id = ?""").param(tenantId)
                .query((ResultSet rs) -> {
                    m.put(rs.getString(1), List.of(destination(rs.getString(2), rs.getString(3)),
                            destination(rs.getString(4), rs.getString(5))));
                });
        return m;
    }

    public List<Holiday> holidays(long tenantId, Optional<Long> extensionId) {
        String owner = extensionId.isPresent() ? "extension_id = ?" : "extension_id IS NULL";
        var sql = jdbc.sql("SELECT " + HOLIDAY_COLUMNS + " FROM holiday WHERE tenant_id = ? AND " + owner
                + " ORDER BY holiday_date, id").param(tenantId);
        if (extensionId.isPresent()) {
            sql = sql.param(extensionId.get());
        }
        return sql.query((rs, n) -> holiday(rs)).list();
    }

    public Optional<OwnedHoliday> findHoliday(long tenantId, long id) {
        return jdbc.sql("SELECT " + HOLIDAY_COLUMNS + " FROM holiday WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id).query((rs, n) -> {
                    long ext = rs.getLong(9);
                    Optional<Long> owner = rs.wasNull() ? Optional.empty() : Optional.of(ext);
                    return new OwnedHoliday(holiday(rs), owner);
                }).optional();
    }

    public long insertHoliday(long tenantId, Optional<Long> extensionId, Holiday h, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO holiday (tenant_id, extension_id, name, holiday_date, all_day, start_time, end_time,
                               yearly, has_audio, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(tenantId, extensionId.orElse(null), h.name(), h.date(), h.time().isEmpty(),
                        h.time().map(s -> s.start().toString()).orElse(""), h.time().map(s -> end(s)).orElse(""),
                        h.yearly(), AccountStore.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateHoliday(long tenantId, Holiday h) {
        jdbc.sql("""
                        UPDATE holiday SET name = ?, holiday_date = ?, all_day = ?, start_time = ?, end_time = ?,
                               yearly = ? WHERE tenant_id = ? AND id = ?""")
                .params(h.name(), h.date(), h.time().isEmpty(), h.time().map(s -> s.start().toString()).orElse(""),
                        h.time().map(ScheduleStore::end).orElse(""), h.yearly(), tenantId, h.id()).update();
    }

    public void setAudio(long tenantId, long id, boolean audio) {
        jdbc.sql("UPDATE holiday SET has_audio = ? WHERE tenant_id = ? AND id = ?").params(audio, tenantId, id).update();
    }

    public void deleteHoliday(long tenantId, long id) {
        jdbc.sql("DELETE FROM holiday WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    private static String end(Span s) {
        String t = s.toString();
        return t.substring(t.indexOf('-') + 1);
    }

    private static Holiday holiday(ResultSet rs) throws SQLException {
        Optional<Span> time = rs.getBoolean(4) ? Optional.empty()
                : Optional.of(new Span(Span.time(rs.getString(5), false), Span.time(rs.getString(6), true)));
        return new Holiday(rs.getLong(1), rs.getString(2), rs.getBoolean(8), rs.getObject(3, LocalDate.class), time,
                rs.getBoolean(7));
    }

    private static Optional<ScheduleOverride> override(ResultSet rs) throws SQLException {
        String mode = rs.getString(7);
        var until = rs.getObject(8, java.time.OffsetDateTime.class);
        if (mode == null || until == null) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleOverride(ScheduleOverride.Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
                until.toInstant()));
    }

    private static Optional<Destination> destination(String type, String target) {
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Destination(Destination.Type.valueOf(type.toUpperCase(Locale.ROOT)),
                target == null ? "" : target));
    }

    private static Object[] concat(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }
}
