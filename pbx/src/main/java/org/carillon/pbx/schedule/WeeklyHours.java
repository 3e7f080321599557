package org.carillon.pbx.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Spans of local time per weekday (office hours, break hours). A span that crosses midnight belongs to the day it
 * starts on and covers the first hours of the next day too (Sunday's spans reach into Monday).
 *
 * @param days the spans of each weekday; days without spans may be missing
 */
public record WeeklyHours(Map<DayOfWeek, List<Span>> days) {

    public WeeklyHours {
        var copy = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
        days.forEach((d, spans) -> {
            if (!spans.isEmpty()) {
                copy.put(d, List.copyOf(spans));
            }
        });
        days = java.util.Collections.unmodifiableMap(copy);
    }

    public static WeeklyHours none() {
        return new WeeklyHours(Map.of());
    }

    /** The same spans on Monday to Friday. */
    public static WeeklyHours weekdays(Span... spans) {
        var m = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                m.put(d, List.of(spans));
            }
        }
        return new WeeklyHours(m);
    }

    public List<Span> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /**
     * Whether the wall-clock time {@code local} lies in a span: one of its own day's, or a span of the day before
     * that crosses midnight. Wall-clock comparison is what makes DST days behave as documented in
     * {@code docs/schedules.md}: times skipped by a spring-forward gap never occur, times repeated by a fall-back
     * overlap are covered both times.
     */
    public boolean covers(LocalDateTime local) {
        for (Span s : on(local.getDayOfWeek())) {
            if (s.coversSameDay(local.toLocalTime())) {
                return true;
            }
        }
        for (Span s : on(local.getDayOfWeek().minus(1))) {
            if (s.coversNextDay(local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }
}
