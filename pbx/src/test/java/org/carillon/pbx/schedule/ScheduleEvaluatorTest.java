package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The evaluation order and wall-clock rules of SPEC §2.3, one table row per instant (given in UTC, so the rows pin
 * what each DST transition does): spring-forward gaps shorten a span, fall-back overlaps cover both occurrences.
 */
class ScheduleEvaluatorTest {
    private static final Destination RECEPTION = Destination.extension("1000");
    private static final Destination LUNCH = new Destination(Destination.Type.PROMPT, "please-hold");

    /** Mon–Fri 09–17 with a 12–13 break; Sunday 01:30–02:30 (inside every DST transition); Saturday 23:00–01:00. */
    private static TenantSchedule tenant(String zone, List<Holiday> holidays, Optional<ScheduleOverride> override) {
        var office = new EnumMap<DayOfWeek, List<Span>>(WeeklyHours.weekdays(Span.parse("09:00-17:00")).days());
        office.put(DayOfWeek.SUNDAY, List.of(Span.parse("01:30-02:30")));
        office.put(DayOfWeek.SATURDAY, List.of(Span.parse("23:00-01:00")));
        return new TenantSchedule(ZoneId.of(zone), new WeeklyHours(office), WeeklyHours.weekdays(Span.parse("12:00-13:00")),
                RECEPTION, LUNCH, holidays, override);
    }

    private static TenantSchedule tenant(String zone) {
        return tenant(zone, List.of(), Optional.empty());
    }

    private static final List<Holiday> BERLIN_HOLIDAYS = List.of(
            new Holiday(1, "Christmas", false, LocalDate.of(2025, 12, 25), Optional.empty(), true),
            new Holiday(2, "Inventory", false, LocalDate.of(2026, 6, 12), Optional.of(Span.parse("13:00-17:00")), false),
            new Holiday(3, "New Year's Eve", true, LocalDate.of(2025, 12, 31), Optional.of(Span.parse("18:00-02:00")), true),
            new Holiday(4, "Leap day", false, LocalDate.of(2024, 2, 29), Optional.empty(), true));

    static Stream<Arguments> wallClock() {
        return Stream.of(
                // America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST
                arguments("America/New_York", "2026-03-09T12:59:00Z", "closed", "Mon 08:59 EDT"),
                arguments("America/New_York", "2026-03-09T13:00:00Z", "open", "Mon 09:00 EDT"),
                arguments("America/New_York", "2026-03-02T13:30:00Z", "closed", "Mon 08:30 EST (winter offset)"),
                arguments("America/New_York", "2026-03-02T14:00:00Z", "open", "Mon 09:00 EST"),
                arguments("America/New_York", "2026-03-08T06:45:00Z", "open", "Sun 01:45 EST, before the gap"),
                arguments("America/New_York", "2026-03-08T06:59:00Z", "open", "Sun 01:59 EST"),
                arguments("America/New_York", "2026-03-08T07:00:00Z", "closed", "Sun 03:00 EDT: 02:00-02:30 never happened"),
                arguments("America/New_York", "2026-11-01T04:59:00Z", "open", "Sun 00:59 EDT, Saturday's span crossing midnight"),
                arguments("America/New_York", "2026-11-01T05:00:00Z", "closed", "Sun 01:00 EDT"),
                arguments("America/New_York", "2026-11-01T05:30:00Z", "open", "Sun 01:30 EDT, first time"),
                arguments("America/New_York", "2026-11-01T06:15:00Z", "closed", "Sun 01:15 EST, the repeated hour before the span"),
                arguments("America/New_York", "2026-11-01T06:30:00Z", "open", "Sun 01:30 EST, second time"),
                arguments("America/New_York", "2026-11-01T07:29:00Z", "open", "Sun 02:29 EST"),
                arguments("America/New_York", "2026-11-01T07:30:00Z", "closed", "Sun 02:30 EST"),
                // Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET
                arguments("Europe/Berlin", "2026-03-23T07:30:00Z", "closed", "Mon 08:30 CET"),
                arguments("Europe/Berlin", "2026-03-30T07:30:00Z", "open", "Mon 09:30 CEST"),
                arguments("Europe/Berlin", "2026-03-30T06:59:00Z", "closed", "Mon 08:59 CEST"),
                arguments("Europe/Berlin", "2026-03-30T10:00:00Z", "break", "Mon 12:00 CEST"),
                arguments("Europe/Berlin", "2026-03-30T11:00:00Z", "open", "Mon 13:00 CEST, break over"),
                arguments("Europe/Berlin", "2026-03-29T00:45:00Z", "open", "Sun 01:45 CET"),
                arguments("Europe/Berlin", "2026-03-29T01:00:00Z", "closed", "Sun 03:00 CEST: the gap swallowed 02:00-02:30"),
                arguments("Europe/Berlin", "2026-10-25T00:15:00Z", "open", "Sun 02:15 CEST, first time"),
                arguments("Europe/Berlin", "2026-10-25T00:45:00Z", "closed", "Sun 02:45 CEST"),
                arguments("Europe/Berlin", "2026-10-25T01:15:00Z", "open", "Sun 02:15 CET, second time"),
                arguments("Europe/Berlin", "2026-10-25T01:45:00Z", "closed", "Sun 02:45 CET"),
                arguments("Europe/Berlin", "2026-10-24T22:30:00Z", "open", "Sun 00:30 CEST, Saturday 23:00-01:00"),
                arguments("Europe/Berlin", "2026-10-24T23:00:00Z", "closed", "Sun 01:00 CEST"),
                // Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT
                arguments("Australia/Sydney", "2026-04-05T22:59:00Z", "closed", "Mon 08:59 AEST"),
                arguments("Australia/Sydney", "2026-04-05T23:00:00Z", "open", "Mon 09:00 AEST"),
                arguments("Australia/Sydney", "2026-10-04T22:00:00Z", "open", "Mon 09:00 AEDT"),
                arguments("Australia/Sydney", "2026-10-04T21:59:00Z", "closed", "Mon 08:59 AEDT"),
                arguments("Australia/Sydney", "2026-04-04T15:15:00Z", "open", "Sun 02:15 AEDT, first time"),
                arguments("Australia/Sydney", "2026-04-04T15:45:00Z", "closed", "Sun 02:45 AEDT"),
                arguments("Australia/Sydney", "2026-04-04T16:15:00Z", "open", "Sun 02:15 AEST, second time"),
                arguments("Australia/Sydney", "2026-10-03T15:45:00Z", "open", "Sun 01:45 AEST"),
                arguments("Australia/Sydney", "2026-10-03T16:00:00Z", "closed", "Sun 03:00 AEDT: the gap swallowed 02:00-02:30"));
    }

    @ParameterizedTest(name = "{0} {1} → {2} ({3})")
    @MethodSource
    void wallClock(String zone, String utc, String state, String why) {
        Verdict v = ScheduleEvaluator.evaluate(tenant(zone), Instant.parse(utc));
        assertThat(v.state().wire()).as(why).isEqualTo(state);
    }

    static Stream<Arguments> holidays() {
        return Stream.of(
                arguments("2026-12-25T09:00:00Z", "holiday", "holiday Christmas", "yearly, all day (Fri 10:00 CET)"),
                arguments("2026-12-24T23:00:00Z", "holiday", "holiday Christmas", "from local midnight, 23:00Z the day before"),
                arguments("2026-12-24T22:59:00Z", "closed", "outside office hours", "Thu 23:59 CET"),
                arguments("2024-12-25T09:00:00Z", "open", "office hours", "before the first year of a yearly holiday"),
                arguments("2026-06-12T10:59:00Z", "break", "break time", "one-off range not begun: Fri 12:59 CEST is lunch"),
                arguments("2026-06-12T11:00:00Z", "holiday", "holiday Inventory", "one-off range starts 13:00 CEST"),
                arguments("2026-06-12T14:59:00Z", "holiday", "holiday Inventory", "16:59 CEST"),
                arguments("2026-06-12T15:00:00Z", "closed", "outside office hours", "range over at 17:00, office too"),
                arguments("2028-06-12T12:00:00Z", "open", "office hours", "a one-off holiday does not come back (Mon 14:00 CEST)"),
                arguments("2026-12-31T17:00:00Z", "holiday", "holiday New Year's Eve", "yearly range crossing midnight, 18:00 CET"),
                arguments("2027-01-01T00:59:00Z", "holiday", "holiday New Year's Eve", "01:59 CET on the next day"),
                arguments("2027-01-01T01:00:00Z", "closed", "outside office hours", "02:00 CET: over"),
                arguments("2026-02-27T23:30:00Z", "holiday", "holiday Leap day", "yearly 29 February on 28 February in 2026"),
                arguments("2026-03-01T00:30:00Z", "open", "office hours", "…and not on 1 March (Sun 01:30 CET span)"));
    }

    @ParameterizedTest(name = "{0} → {2} ({3})")
    @MethodSource
    void holidays(String utc, String state, String reason, String why) {
        Verdict v = ScheduleEvaluator.evaluate(tenant("Europe/Berlin", BERLIN_HOLIDAYS, Optional.empty()),
                Instant.parse(utc));
        assertThat(v.state().wire()).as(why).isEqualTo(state);
        assertThat(v.reason()).as(why).isEqualTo(reason);
    }

    @Test
    void aHolidayWithAudioPlaysItAndOneWithoutUsesTheNonOfficeAction() {
        var t = tenant("Europe/Berlin", BERLIN_HOLIDAYS, Optional.empty());
        assertThat(ScheduleEvaluator.evaluate(t, Instant.parse("2026-12-31T17:00:00Z")).action())
                .contains(new Destination(Destination.Type.HOLIDAY, "3"));
        assertThat(ScheduleEvaluator.evaluate(t, Instant.parse("2026-12-25T09:00:00Z")).action()).contains(RECEPTION);
        assertThat(ScheduleEvaluator.evaluate(t, Instant.parse("2026-12-28T11:30:00Z")).action()).contains(LUNCH);
    }

    private static final Instant CHRISTMAS_10AM = Instant.parse("2026-12-25T09:00:00Z");
    private static final Instant TUESDAY_10AM = Instant.parse("2026-12-29T09:00:00Z");
    private static final Instant SATURDAY_11AM = Instant.parse("2026-12-26T10:00:00Z");

    private static ExtensionSchedule ext(boolean exempt, List<Holiday> holidays) {
        return new ExtensionSchedule(false, WeeklyHours.none(), WeeklyHours.none(), Optional.empty(), Optional.empty(),
                holidays, exempt);
    }

    @Test
    void exemptExtensionsFollowOfficeHoursOnGlobalHolidays() {
        var t = tenant("Europe/Berlin", BERLIN_HOLIDAYS, Optional.empty());
        assertThat(ScheduleEvaluator.evaluate(t, ext(false, List.of()), "1001", CHRISTMAS_10AM).state())
                .isEqualTo(Verdict.State.HOLIDAY);
        Verdict exempt = ScheduleEvaluator.evaluate(t, ext(true, List.of()), "1001", CHRISTMAS_10AM);
        assertThat(exempt.state()).isEqualTo(Verdict.State.OPEN);
        assertThat(exempt.reason()).isEqualTo("office hours");
    }

    @Test
    void anExtensionHolidayComesFirstEvenForExemptExtensionsAndOverrides() {
        var vacation = new Holiday(9, "Vacation", false, LocalDate.of(2026, 12, 29), Optional.empty(), false);
        var forcedOpen = Optional.of(new ScheduleOverride(ScheduleOverride.Mode.OPEN, Instant.parse("2027-01-10T00:00:00Z")));
        var t = tenant("Europe/Berlin", BERLIN_HOLIDAYS, forcedOpen);
        Verdict v = ScheduleEvaluator.evaluate(t, ext(true, List.of(vacation)), "1001", TUESDAY_10AM);
        assertThat(v.reason()).isEqualTo("holiday Vacation");
        assertThat(v.holiday().map(Holiday::name)).contains("Vacation");
    }

    @Test
    void overridesForceOpenOrClosedUntilTheirInstantThenTheScheduleResumes() {
        Instant until = Instant.parse("2026-12-25T12:00:00Z");
        var open = tenant("Europe/Berlin", BERLIN_HOLIDAYS,
                Optional.of(new ScheduleOverride(ScheduleOverride.Mode.OPEN, until)));
        Verdict forced = ScheduleEvaluator.evaluate(open, CHRISTMAS_10AM);
        assertThat(forced.state()).isEqualTo(Verdict.State.OPEN);
        assertThat(forced.reason()).isEqualTo("forced open until 2026-12-25 13:00");
        assertThat(ScheduleEvaluator.evaluate(open, until).reason()).isEqualTo("holiday Christmas");

        var closed = tenant("Europe/Berlin", List.of(),
                Optional.of(new ScheduleOverride(ScheduleOverride.Mode.CLOSED, Instant.parse("2026-12-30T00:00:00Z"))));
        Verdict shut = ScheduleEvaluator.evaluate(closed, ext(false, List.of()), "1001", TUESDAY_10AM);
        assertThat(shut.state()).isEqualTo(Verdict.State.CLOSED);
        assertThat(shut.action()).contains(RECEPTION);
        assertThat(shut.reason()).startsWith("forced closed until");
    }

    @Test
    void ownHoursAndActionsReplaceTheTenantsAndOwnVoicemailMeansTheCalledExtension() {
        var t = new TenantSchedule(ZoneId.of("Europe/Berlin"), WeeklyHours.weekdays(Span.parse("09:00-17:00")),
                WeeklyHours.none(), ScheduleActions.OWN_VOICEMAIL, ScheduleActions.OWN_VOICEMAIL, List.of(),
                Optional.empty());
        assertThat(ScheduleEvaluator.evaluate(t, ext(false, List.of()), "1001", SATURDAY_11AM).action())
                .contains(new Destination(Destination.Type.VOICEMAIL, "1001"));
        var saturdays = new ExtensionSchedule(true,
                new WeeklyHours(Map.of(DayOfWeek.SATURDAY, List.of(Span.parse("10:00-14:00")))),
                new WeeklyHours(Map.of(DayOfWeek.SATURDAY, List.of(Span.parse("11:30-12:00")))),
                Optional.of(Destination.extension("1002")), Optional.empty(), List.of(), false);
        assertThat(ScheduleEvaluator.evaluate(t, saturdays, "1001", SATURDAY_11AM).state()).isEqualTo(Verdict.State.OPEN);
        assertThat(ScheduleEvaluator.evaluate(t, saturdays, "1001", Instant.parse("2026-12-26T10:45:00Z")).action())
                .contains(new Destination(Destination.Type.VOICEMAIL, "1001"));
        assertThat(ScheduleEvaluator.evaluate(t, saturdays, "1001", TUESDAY_10AM).action())
                .contains(Destination.extension("1002"));
    }

    @Test
    void spansParseAndPrintIncludingMidnightForms() {
        assertThat(Span.parse("22:00-06:00").crossesMidnight()).isTrue();
        assertThat(Span.parse("17:00-24:00").toString()).isEqualTo("17:00-24:00");
        assertThat(Span.parse("00:00-00:00").coversSameDay(java.time.LocalTime.of(23, 59))).isTrue();
        assertThat(Span.parse("00:00-00:00").coversNextDay(java.time.LocalTime.MIDNIGHT)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Span.parse("9-17"))
                .hasMessageContaining("is not a time");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Span.parse("25:00-26:00"))
                .hasMessageContaining("not a time of day");
    }

    @Test
    void yearlyLeapDayIsObservedOnTheTwentyEighthInCommonYearsOnly() {
        Holiday leap = BERLIN_HOLIDAYS.get(3);
        assertThat(leap.fallsOn(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(leap.fallsOn(LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(leap.fallsOn(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(leap.fallsOn(LocalDate.of(2026, 3, 1))).isFalse();
    }
}
