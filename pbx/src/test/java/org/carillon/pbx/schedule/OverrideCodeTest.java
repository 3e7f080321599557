package org.carillon.pbx.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The digits after the schedule override code (issue 12), in the tenant's zone and across DST changes. */
class OverrideCodeTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Optional<Instant> until(String digits, String now, ZoneId zone) {
        return OverrideCode.parse(digits, Instant.parse(now), zone).flatMap(OverrideCode.Request::until);
    }

    @Test
    void oneOpensTwoClosesZeroLifts() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(OverrideCode.parse("1", now, BERLIN).flatMap(OverrideCode.Request::mode))
                .contains(ScheduleOverride.Mode.OPEN);
        assertThat(OverrideCode.parse("2", now, BERLIN).flatMap(OverrideCode.Request::mode))
                .contains(ScheduleOverride.Mode.CLOSED);
        var lift = OverrideCode.parse("0", now, BERLIN).orElseThrow();
        assertThat(lift.mode()).isEmpty();
        assertThat(lift.until()).isEmpty();
    }

    @Test
    void withoutATimeTheOverrideEndsAtTheNextLocalMidnight() {
        // 23:30 in Berlin is 22:30 UTC; midnight in Berlin is 23:00 UTC
        assertThat(until("2", "2026-11-27T22:30:00Z", BERLIN)).contains(Instant.parse("2026-11-27T23:00:00Z"));
        // 00:30 in Berlin already belongs to the 28th: the override runs to the 29th's midnight
        assertThat(until("2", "2026-11-27T23:30:00Z", BERLIN)).contains(Instant.parse("2026-11-28T23:00:00Z"));
    }

    @Test
    void aTimeMeansItsNextOccurrenceInTheTenantsZone() {
        assertThat(until("11800", "2026-11-27T10:00:00Z", BERLIN)).contains(Instant.parse("2026-11-27T17:00:00Z"));
        // 08:00 has passed in Berlin (11:00): tomorrow's
        assertThat(until("20800", "2026-11-27T10:00:00Z", BERLIN)).contains(Instant.parse("2026-11-28T07:00:00Z"));
        assertThat(until("10000", "2026-11-27T10:00:00Z", NEW_YORK)).contains(Instant.parse("2026-11-28T05:00:00Z"));
    }

    @Test
    void dstDaysUseTheWallClockOfThatDay() {
        // Berlin springs forward on 2026-03-29 at 02:00 → 03:00; 18:00 that day is UTC+2
        assertThat(until("11800", "2026-03-29T00:30:00Z", BERLIN)).contains(Instant.parse("2026-03-29T16:00:00Z"));
        // 02:30 does not exist that day: it moves forward by the gap, to 03:30 CEST
        assertThat(until("10230", "2026-03-29T00:30:00Z", BERLIN)).contains(Instant.parse("2026-03-29T01:30:00Z"));
        // the night after a fall back (New York, 2026-11-01: 02:00 EDT → 01:00 EST) is 25 hours long
        assertThat(until("2", "2026-11-01T04:30:00Z", NEW_YORK)).contains(Instant.parse("2026-11-02T05:00:00Z"));
        // 01:30 happens twice; the first (EDT) is meant
        assertThat(until("20130", "2026-11-01T04:30:00Z", NEW_YORK)).contains(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void otherDigitsAreRefused() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        for (String bad : new String[]{"", "3", "9", "00", "12", "1180", "12400", "11260", "01800", "118000"}) {
            assertThat(OverrideCode.parse(bad, now, BERLIN)).as(bad).isEmpty();
        }
    }
}
