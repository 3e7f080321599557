package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's global schedule (SPEC §2.3): office and break hours, what callers get outside office hours and
 * during breaks, the global holidays and a manual override. Evaluated in the tenant's IANA time zone.
 *
 * @param zone            where the wall-clock times are
 * @param office          office hours; empty means open around the clock
 * @param breaks          break hours (only while in office hours they matter, but they win over them)
 * @param nonOfficeAction where calls go outside office hours and on holidays without audio
 * @param breakAction     where calls go during break hours
 * @param holidays        global holidays
 * @param override        a manual override, if one was set (it may have expired)
 */
public record TenantSchedule(ZoneId zone, WeeklyHours office, WeeklyHours breaks, Destination nonOfficeAction,
                             Destination breakAction, List<Holiday> holidays, Optional<ScheduleOverride> override) {

    public TenantSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(nonOfficeAction, "nonOfficeAction");
        Objects.requireNonNull(breakAction, "breakAction");
        holidays = List.copyOf(holidays);
        Objects.requireNonNull(override, "override");
    }

    /** A tenant that has saved nothing yet: always open; the actions default to the called extension's voicemail. */
    public static TenantSchedule open(ZoneId zone) {
        return new TenantSchedule(zone, WeeklyHours.none(), WeeklyHours.none(), ScheduleActions.OWN_VOICEMAIL,
                ScheduleActions.OWN_VOICEMAIL, List.of(), Optional.empty());
    }
}
