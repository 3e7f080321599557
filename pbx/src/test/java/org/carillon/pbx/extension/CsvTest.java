package org.carillon.pbx.extension;

import org.carillon.platform.web.CsvLines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 CSV with the spreadsheet formula guard. */
class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndParsesItBack() {
        String line = CsvLines.line(List.of("1000", "a@example.com", "O'Neil, Jr.", "say \"hi\"", "+44 20 1234", "agent"));
        assertThat(line).isEqualTo("1000,a@example.com,\"O'Neil, Jr.\",\"say \"\"hi\"\"\",+44 20 1234,agent\r\n");
        assertThat(Csv.parse(line)).containsExactly(
                List.of("1000", "a@example.com", "O'Neil, Jr.", "say \"hi\"", "+44 20 1234", "agent"));
    }

    @Test
    void formulasAreDefusedOnExport() {
        assertThat(CsvLines.line(List.of("=HYPERLINK(\"x\")", "@SUM(1)"))).startsWith("\"'=HYPERLINK(\"\"x\"\")\",'@SUM(1)");
    }

    @Test
    void blankLinesAndAByteOrderMarkAreIgnoredAndAnOpenQuoteIsAnError() {
        assertThat(Csv.parse("\uFEFFemail\n\na@example.com\n")).containsExactly(List.of("email"), List.of("a@example.com"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Csv.parse("\"open")).isInstanceOf(IllegalArgumentException.class);
    }
}
