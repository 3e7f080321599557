package org.carillon.pbx.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A span of local wall-clock time within a day, {@code start} inclusive, {@code end} exclusive, minute precision.
 * An {@code end} at or before {@code start} means the span crosses midnight and ends on the next day
 * ({@code 22:00-06:00}); {@code 00:00-00:00} is the whole day and {@code 24:00} is accepted for "midnight at the end
 * of the day" ({@code 17:00-24:00}).
 *
 * @param start first minute covered
 * @param end   first minute no longer covered (on the next day when not after {@code start})
 */
public record Span(LocalTime start, LocalTime end) {

    public Span {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("spans have minute precision");
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException with a message fit for a form error
     */
    public static Span parse(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("'" + t + "' is not a span like 09:00-17:00");
        }
        return new Span(time(t.substring(0, dash).strip(), false), time(t.substring(dash + 1).strip(), true));
    }

    /**
     * Parses {@code HH:mm}; {@code 24:00} only where {@code endOfDay} allows it (it means midnight).
     *
     * @throws IllegalArgumentException with a message fit for a form error
     */
    public static LocalTime time(String text, boolean endOfDay) {
        if (endOfDay && text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        if (!text.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 09:30");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day");
        }
    }

    /** Whether the span ends on the next day. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Whether {@code t} on the span's own day is covered. */
    boolean coversSameDay(LocalTime t) {
        return !t.isBefore(start) && (crossesMidnight() || t.isBefore(end));
    }

    /** Whether {@code t} on the day after the span's day is covered (only spans crossing midnight reach it). */
    boolean coversNextDay(LocalTime t) {
        return crossesMidnight() && t.isBefore(end);
    }

    /** {@code 09:00-17:00}; an end at midnight is written {@code 24:00} ({@code 00:00-24:00} is the whole day). */
    @Override
    public String toString() {
        String e = end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
        return start + "-" + e;
    }
}
