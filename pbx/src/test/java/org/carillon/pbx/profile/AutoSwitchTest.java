package org.carillon.pbx.profile;

import org.carillon.pbx.schedule.ExtensionSchedule;
import org.carillon.pbx.schedule.ScheduleEvaluator;
import org.carillon.pbx.schedule.Span;
import org.carillon.pbx.schedule.TenantSchedule;
import org.carillon.pbx.schedule.WeeklyHours;
import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic profile switch by office hours (issue 12): a fake clock walks minute by minute across DST changes and
 * the switch fires exactly at the wall-clock boundaries of the tenant's zone, once per boundary.
 */
class AutoSwitchTest {
    private static final long AVAILABLE = 1;
    private static final long AWAY = 3;

    private static TenantSchedule nineToFiveEveryDay(ZoneId zone) {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, List.of(new Span(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new TenantSchedule(zone, new WeeklyHours(days), WeeklyHours.none(),
                TenantSchedule.open(zone).nonOfficeAction(), TenantSchedule.open(zone).breakAction(), List.of(),
                Optional.empty());
    }

    /** Every switch between {@code from} and {@code to}, as "instant → profile". */
    private static List<String> switches(ZoneId zone, String from, String to) {
        TenantSchedule schedule = nineToFiveEveryDay(zone);
        MutableClock clock = new MutableClock(Instant.parse(from));
        AutoSwitch a = new AutoSwitch(7, 1, "1000", AVAILABLE, AWAY, Optional.empty());
        List<String> out = new ArrayList<>();
        while (clock.instant().isBefore(Instant.parse(to))) {
            boolean open = ScheduleEvaluator.evaluate(schedule, ExtensionSchedule.global(), "1000", clock.instant())
                    .open();
            AutoSwitch.Phase phase = open ? AutoSwitch.Phase.OFFICE : AutoSwitch.Phase.OUTSIDE;
            Optional<Long> due = a.due(phase);
            if (due.isPresent()) {
                out.add(clock.instant() + " → " + (due.get() == AVAILABLE ? "available" : "away"));
                a = a.applied(phase);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        return out;
    }

    @Test
    void berlinSwitchesAtNineAndFiveLocalOnBothSidesOfTheSpringForward() {
        // 2026-03-29: 02:00 CET → 03:00 CEST; the first entry is the switch applied when it is turned on
        assertThat(switches(ZoneId.of("Europe/Berlin"), "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"))
                .containsExactly("2026-03-28T00:00:00Z → away",
                        "2026-03-28T08:00:00Z → available", "2026-03-28T16:00:00Z → away",
                        "2026-03-29T07:00:00Z → available", "2026-03-29T15:00:00Z → away");
    }

    @Test
    void newYorkAndSydneyFollowTheirOwnAutumnChanges() {
        // New York 2026-11-01: 02:00 EDT → 01:00 EST
        assertThat(switches(ZoneId.of("America/New_York"), "2026-10-31T12:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly("2026-10-31T12:00:00Z → away",
                        "2026-10-31T13:00:00Z → available", "2026-10-31T21:00:00Z → away",
                        "2026-11-01T14:00:00Z → available", "2026-11-01T22:00:00Z → away");
        // Sydney 2026-04-05: 03:00 AEDT → 02:00 AEST (09:00 AEDT is 22:00Z the day before; AEST 23:00Z)
        assertThat(switches(ZoneId.of("Australia/Sydney"), "2026-04-03T12:00:00Z", "2026-04-05T12:00:00Z"))
                .containsExactly("2026-04-03T12:00:00Z → away",
                        "2026-04-03T22:00:00Z → available", "2026-04-04T06:00:00Z → away",
                        "2026-04-04T23:00:00Z → available", "2026-04-05T07:00:00Z → away");
    }

    @Test
    void aSwitchIsDueOnlyWhenThePhaseChanges() {
        AutoSwitch a = new AutoSwitch(7, 1, "1000", AVAILABLE, AWAY, Optional.of(AutoSwitch.Phase.OFFICE));
        assertThat(a.due(AutoSwitch.Phase.OFFICE)).isEmpty();
        assertThat(a.due(AutoSwitch.Phase.OUTSIDE)).contains(AWAY);
        assertThat(a.applied(AutoSwitch.Phase.OUTSIDE).due(AutoSwitch.Phase.OUTSIDE)).isEmpty();
    }
}
