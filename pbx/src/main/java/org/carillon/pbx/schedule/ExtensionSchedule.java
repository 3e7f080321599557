package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One extension's schedule (SPEC §2.3 "Managing Extension Schedules"): the global hours or its own, its own actions
 * (else the global ones), its own holidays, and whether global holidays pass it by.
 *
 * @param ownHours                 use {@code office} and {@code breaks} instead of the tenant's
 * @param office                   own office hours (used only with {@code ownHours}; empty = always open)
 * @param breaks                   own break hours (used only with {@code ownHours})
 * @param nonOfficeAction          own action outside office hours; empty = the tenant's
 * @param breakAction              own action during breaks; empty = the tenant's
 * @param holidays                 the extension's own holidays
 * @param exemptFromGlobalHolidays global holidays do not apply
 */
public record ExtensionSchedule(boolean ownHours, WeeklyHours office, WeeklyHours breaks,
                                Optional<Destination> nonOfficeAction, Optional<Destination> breakAction,
                                List<Holiday> holidays, boolean exemptFromGlobalHolidays) {

    public ExtensionSchedule {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(nonOfficeAction, "nonOfficeAction");
        Objects.requireNonNull(breakAction, "breakAction");
        holidays = List.copyOf(holidays);
    }

    /** An extension that follows the tenant in everything. */
    public static ExtensionSchedule global() {
        return new ExtensionSchedule(false, WeeklyHours.none(), WeeklyHours.none(), Optional.empty(),
                Optional.empty(), List.of(), false);
    }
}
