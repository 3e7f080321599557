package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The schedule rules of SPEC §2.3 as a pure function of (tenant schedule, extension schedule, instant). Order:
 * extension holiday → manual override → global holiday unless exempt → break hours → outside office hours → open.
 * Times are compared as wall-clock times in the tenant's zone (see {@link WeeklyHours#covers}).
 *
 * <p>Holiday actions: a holiday with an uploaded audio file sends the caller to that audio (played, then the call
 * ends); one without audio uses the non-office-hours action of whoever owns the holiday.
 *
 * <p>Stateless; thread-safe; never blocks.
 */
public final class ScheduleEvaluator {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ScheduleEvaluator() {
    }

    /** The tenant's own state (as for an extension that follows it in everything). */
    public static Verdict evaluate(TenantSchedule tenant, Instant at) {
        return evaluate(tenant, ExtensionSchedule.global(), "", at);
    }

    /**
     * What the schedule says for a call to {@code extension} at {@code at}; actions with "own" targets
     * ({@link ScheduleActions#OWN_VOICEMAIL}) are resolved for {@code extension}.
     */
    public static Verdict evaluate(TenantSchedule tenant, ExtensionSchedule ext, String extension, Instant at) {
        ZoneId zone = tenant.zone();
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        Destination nonOffice = ScheduleActions.resolve(ext.nonOfficeAction().orElse(tenant.nonOfficeAction()),
                extension);
        Destination breakAction = ScheduleActions.resolve(ext.breakAction().orElse(tenant.breakAction()), extension);

        Optional<Holiday> own = first(ext.holidays(), local);
        if (own.isPresent()) {
            return holiday(own.get(), nonOffice);
        }
        Optional<ScheduleOverride> override = tenant.override().filter(o -> o.activeAt(at));
        if (override.isPresent()) {
            String until = " until " + ZonedDateTime.ofInstant(override.get().until(), zone).format(UNTIL);
            return override.get().mode() == ScheduleOverride.Mode.OPEN ? Verdict.open("forced open" + until)
                    : Verdict.of(Verdict.State.CLOSED, nonOffice, "forced closed" + until);
        }
        if (!ext.exemptFromGlobalHolidays()) {
            Optional<Holiday> global = first(tenant.holidays(), local);
            if (global.isPresent()) {
                return holiday(global.get(), nonOffice);
            }
        }
        WeeklyHours office = ext.ownHours() ? ext.office() : tenant.office();
        WeeklyHours breaks = ext.ownHours() ? ext.breaks() : tenant.breaks();
        if (breaks.covers(local)) {
            return Verdict.of(Verdict.State.BREAK, breakAction, "break time");
        }
        if (!office.isEmpty() && !office.covers(local)) {
            return Verdict.of(Verdict.State.CLOSED, nonOffice, "outside office hours");
        }
        return Verdict.open(office.isEmpty() ? "no office hours set" : "office hours");
    }

    private static Optional<Holiday> first(List<Holiday> holidays, LocalDateTime local) {
        return holidays.stream().filter(h -> h.covers(local)).findFirst();
    }

    private static Verdict holiday(Holiday h, Destination fallback) {
        Destination action = h.audio() ? HolidayAudio.destination(h.id()) : fallback;
        return new Verdict(Verdict.State.HOLIDAY, Optional.of(action), "holiday " + h.name(), Optional.of(h));
    }
}
