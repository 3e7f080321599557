package org.carillon.pbx.team;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's date range is counted from the tenant's today that the caller passes, never the system clock. */
class TeamReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 29);

    @Test
    void withoutDatesTheRangeIsTheLastSevenDaysEndingToday() {
        var r = TeamReport.range(TODAY, "", "");
        assertThat(r.first()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(r.last()).isEqualTo(TODAY);
        assertThat(r.error()).isEmpty();
    }

    @Test
    void badDatesFallBackToTheLastSevenDaysAndSayWhy() {
        var r = TeamReport.range(TODAY, "yesterday", "");
        assertThat(r.last()).isEqualTo(TODAY);
        assertThat(r.error()).contains("Dates are YYYY-MM-DD.");
    }

    @Test
    void aRangeLongerThanTheMaximumIsCutFromItsEnd() {
        var r = TeamReport.range(TODAY, "2025-01-01", "2026-03-01");
        assertThat(r.last()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(r.first()).isEqualTo(LocalDate.of(2026, 3, 1).minusDays(TeamReport.MAX_DAYS - 1));
        assertThat(r.error()).contains("At most " + TeamReport.MAX_DAYS + " days.");
    }
}
