package org.carillon.pbx.team;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The team report's date range, CSV and bar chart (inline SVG: answered and abandoned per day). */
final class TeamReport {
    static final int MAX_DAYS = 92;

    private TeamReport() {
    }

    /** The days asked for; the last 7 days when absent or invalid (then {@code error} says why). */
    record Range(LocalDate first, LocalDate last, Optional<String> error) {
    }

    /** @param today today in the tenant's time zone, from the injected clock (the report's days are the tenant's) */
    static Range range(LocalDate today, String from, String to) {
        try {
            LocalDate last = to.isBlank() ? today : LocalDate.parse(to);
            LocalDate first = from.isBlank() ? last.minusDays(6) : LocalDate.parse(from);
            if (first.isAfter(last)) {
                return new Range(last.minusDays(6), last, Optional.of("The first day is after the last."));
            }
            if (first.plusDays(MAX_DAYS).isBefore(last)) {
                return new Range(last.minusDays(MAX_DAYS - 1), last, Optional.of("At most " + MAX_DAYS + " days."));
            }
            return new Range(first, last, Optional.empty());
        } catch (DateTimeParseException e) {
            return new Range(today.minusDays(6), today, Optional.of("Dates are YYYY-MM-DD."));
        }
    }

    static String csv(List<TeamStats.Day> days) {
        StringBuilder b = new StringBuilder("date,answered,abandoned,overflowed,average_wait_seconds,"
                + "average_talk_seconds\r\n");
        for (TeamStats.Day d : days) {
            b.append(d.date()).append(',').append(d.answered()).append(',').append(d.abandoned()).append(',')
                    .append(d.overflowed()).append(',').append(String.format(Locale.ROOT, "%.1f", d.averageWait()))
                    .append(',').append(String.format(Locale.ROOT, "%.1f", d.averageTalk())).append("\r\n");
        }
        return b.toString();
    }

    /** An SVG bar chart (escaped by construction: only numbers and dates go in). */
    static String chart(List<TeamStats.Day> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> Math.max(d.answered(), d.abandoned())).max().orElse(1));
        int w = 28;
        int h = 120;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "aria-label=\"Answered and abandoned calls per day\" width=\"" + Math.max(200, days.size() * w + 20)
                + "\" height=\"" + (h + 30) + "\">");
        for (int i = 0; i < days.size(); i++) {
            var d = days.get(i);
            int x = 10 + i * w;
            int ha = (int) (h * d.answered() / max);
            int hb = (int) (h * d.abandoned() / max);
            b.append("<rect x=\"").append(x).append("\" y=\"").append(h - ha).append("\" width=\"11\" height=\"")
                    .append(ha).append("\" fill=\"#198754\"><title>").append(d.date()).append(": ")
                    .append(d.answered()).append(" answered</title></rect>");
            b.append("<rect x=\"").append(x + 12).append("\" y=\"").append(h - hb).append("\" width=\"11\" height=\"")
                    .append(hb).append("\" fill=\"#dc3545\"><title>").append(d.date()).append(": ")
                    .append(d.abandoned()).append(" abandoned</title></rect>");
            b.append("<text x=\"").append(x).append("\" y=\"").append(h + 14).append("\" font-size=\"9\">")
                    .append(d.date().getDayOfMonth()).append("</text>");
        }
        return b.append("</svg>").toString();
    }
}
