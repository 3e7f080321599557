package org.carillon.pbx.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stored text form of {@link WeeklyHours}: {@code MONDAY=09:00-12:00,13:00-17:00;TUESDAY=09:00-17:00}.
 * Stateless.
 */
public final class HoursText {
    private HoursText() {
    }

    public static String write(WeeklyHours hours) {
        return hours.days().entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue().stream().map(Span::toString)
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    /** @throws IllegalArgumentException when the text was not written by {@link #write} */
    public static WeeklyHours read(String text) {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return WeeklyHours.none();
        }
        for (String day : text.split(";")) {
            int eq = day.indexOf('=');
            List<Span> spans = new ArrayList<>();
            for (String s : day.substring(eq + 1).split(",")) {
                if (!s.isBlank()) {
                    spans.add(Span.parse(s));
                }
            }
            days.put(DayOfWeek.valueOf(day.substring(0, eq)), spans);
        }
        return new WeeklyHours(days);
    }
}
