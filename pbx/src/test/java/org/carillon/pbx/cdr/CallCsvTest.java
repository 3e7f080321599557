package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CallCsvTest {

    @Test
    void writesOneLinePerCallWithDurationAndEmptyCellsForWhatNeverHappened() {
        Instant start = Instant.parse("2026-11-26T12:00:00Z");
        var answered = new CallRecord("a", 1, "1000", "1001", Optional.of("1001"), start,
                Optional.of(start.plusSeconds(5)), start.plusSeconds(65), CallResult.ANSWERED, 200, "caller",
                List.of("blind:1002"));
        var missed = new CallRecord("b", 1, "1000", "1002", Optional.empty(), start, Optional.empty(),
                start.plusSeconds(30), CallResult.NO_ANSWER, 480, "system", List.of());
        String csv = CallCsv.write(List.of(answered, missed));
        assertThat(csv.split("\r\n")).containsExactly(CallCsv.HEADER,
                "a,1000,1001,1001,2026-11-26T12:00:00Z,2026-11-26T12:00:05Z,2026-11-26T12:01:05Z,60,answered,200,caller,blind:1002",
                "b,1000,1002,,2026-11-26T12:00:00Z,,2026-11-26T12:00:30Z,0,no_answer,480,system,");
    }

    @Test
    void quotesSeparatorsAndDefusesSpreadsheetFormulas() {
        assertThat(CallCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CallCsv.cell("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CallCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
