package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.ExtensionSchedule;
import org.carillon.pbx.schedule.Holiday;
import org.carillon.pbx.schedule.ScheduleEvaluator;
import org.carillon.pbx.schedule.Span;
import org.carillon.pbx.schedule.TenantSchedule;
import org.carillon.pbx.schedule.WeeklyHours;
import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A team's own hours (issue 11), through the schedule package's evaluator in the tenant's zone (Europe/Berlin), with
 * a fake clock moved across both DST changes of 2026 (29 March 02:00 CET → 03:00 CEST; 25 October 03:00 CEST →
 * 02:00 CET). One row per instant, given in UTC so that each row pins what the change does; the last column is what a
 * team following the global office hours (09:00–17:00) gets at the same instant, to show the two differ.
 */
class TeamHoursTest {
    private static final Destination AFTER_HOURS = Destination.extension("1009");
    private static final Destination GLOBAL_ACTION = new Destination(Destination.Type.HANGUP, "busy");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** Office 09:00–17:00 on weekdays; Easter Monday a global holiday. */
    private static TenantSchedule tenant() {
        return new TenantSchedule(ZoneId.of("Europe/Berlin"), WeeklyHours.weekdays(Span.parse("09:00-17:00")),
                WeeklyHours.none(), GLOBAL_ACTION, GLOBAL_ACTION,
                List.of(new Holiday(1, "Easter Monday", false, LocalDate.of(2026, 4, 6), Optional.empty(), false)),
                Optional.empty());
    }

    /** Support: 08:00–20:00 on weekdays and a late Saturday shift 22:00–02:00 (crossing midnight). */
    private static Team team(String officeHours, boolean exempt) {
        var days = new EnumMap<DayOfWeek, List<Span>>(WeeklyHours.weekdays(Span.parse("08:00-20:00")).days());
        days.put(DayOfWeek.SATURDAY, List.of(Span.parse("22:00-02:00")));
        WeeklyHours hours = officeHours.equals(Team.OWN_HOURS) ? new WeeklyHours(days) : WeeklyHours.none();
        return new Team(1, 1, "Support", "600", Strategy.HUNT, List.of("1000"), List.of(), 15, 300, 0, 0, "default",
                20, Optional.empty(), officeHours, Optional.of(AFTER_HOURS), hours, exempt);
    }

    private static String verdict(Team team, Instant at) {
        CLOCK.set(at);
        ExtensionSchedule schedule = team.officeHours().equals(Team.OWN_HOURS) ? TeamHours.schedule(team)
                : ExtensionSchedule.global();
        var v = ScheduleEvaluator.evaluate(tenant(), schedule, team.number(), CLOCK.instant());
        return TeamHours.decide(team, v).map(c -> c.to().target() + ": " + c.why()).orElse("open");
    }

    static Stream<Arguments> rows() {
        String closed = "1009: team 600 outside office hours";
        return Stream.of(
                // winter time (CET, UTC+1)
                arguments("2026-03-23T06:59:00Z", false, closed, closed, "Mon 07:59 CET"),
                arguments("2026-03-23T07:30:00Z", false, "open", closed, "Mon 08:30 CET: own hours open, office not"),
                arguments("2026-03-23T16:30:00Z", false, "open", closed, "Mon 17:30 CET"),
                arguments("2026-03-23T18:59:00Z", false, "open", closed, "Mon 19:59 CET"),
                arguments("2026-03-23T19:00:00Z", false, closed, closed, "Mon 20:00 CET: end excluded"),
                arguments("2026-03-23T10:00:00Z", false, "open", "open", "Mon 11:00 CET: both open"),
                // spring forward inside Saturday's 22:00-02:00 shift
                arguments("2026-03-28T21:30:00Z", false, "open", closed, "Sat 22:30 CET"),
                arguments("2026-03-29T00:59:00Z", false, "open", closed, "Sun 01:59 CET, the last minute of the shift"),
                arguments("2026-03-29T01:00:00Z", false, closed, closed, "Sun 03:00 CEST: 02:00 never happened"),
                // summer time (CEST, UTC+2): the same wall-clock hours at other UTC instants
                arguments("2026-03-30T05:59:00Z", false, closed, closed, "Mon 07:59 CEST"),
                arguments("2026-03-30T06:00:00Z", false, "open", closed, "Mon 08:00 CEST (07:00 CET would be closed)"),
                arguments("2026-03-30T17:59:00Z", false, "open", closed, "Mon 19:59 CEST"),
                arguments("2026-03-30T18:00:00Z", false, closed, closed, "Mon 20:00 CEST"),
                // a global holiday closes the team unless it is exempt
                arguments("2026-04-06T08:00:00Z", false, "1009: team 600 holiday Easter Monday",
                        "1009: team 600 holiday Easter Monday", "Easter Monday 10:00 CEST"),
                arguments("2026-04-06T08:00:00Z", true, "open", "1009: team 600 holiday Easter Monday",
                        "Easter Monday 10:00 CEST, exempt"),
                // fall back inside Saturday's shift: 02:00 CEST is followed by 02:00 CET, both after the end
                arguments("2026-10-24T23:59:00Z", false, "open", closed, "Sun 01:59 CEST"),
                arguments("2026-10-25T00:00:00Z", false, closed, closed, "Sun 02:00 CEST, first time"),
                arguments("2026-10-25T01:00:00Z", false, closed, closed, "Sun 02:00 CET, second time"),
                arguments("2026-10-26T07:00:00Z", false, "open", closed, "Mon 08:00 CET again"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("rows")
    void ownHoursDecideInTheTenantsZoneAcrossDaylightSavingChanges(String utc, boolean exempt, String own,
                                                                   String global, String what) {
        Instant at = Instant.parse(utc);
        assertThat(verdict(team(Team.OWN_HOURS, exempt), at)).as("own hours at " + what).isEqualTo(own);
        assertThat(verdict(team(Team.GLOBAL_HOURS, exempt), at)).as("global hours at " + what).isEqualTo(global);
    }
}
