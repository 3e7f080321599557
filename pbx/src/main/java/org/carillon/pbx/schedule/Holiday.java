package org.carillon.pbx.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Optional;

/**
 * A holiday of the tenant or of one extension: all day or a span of local time on {@code date}, once or every year
 * on the same month and day. A yearly 29 February is observed on 28 February in common years. A span that crosses
 * midnight ends on the next day.
 *
 * @param id     the stored id (0 before it is stored)
 * @param name   shown in the admin and written in the call history ("holiday Christmas")
 * @param audio  whether an audio file was uploaded (it is played to callers, then the call ends)
 * @param date   the (first) date
 * @param time   the span of the day; empty for all day
 * @param yearly repeats every year from {@code date}'s year on
 */
public record Holiday(long id, String name, boolean audio, LocalDate date, Optional<Span> time, boolean yearly) {

    public Holiday {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
    }

    /** Whether the wall-clock time {@code local} is in the holiday. */
    public boolean covers(LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        if (time.isEmpty()) {
            return fallsOn(day);
        }
        Span s = time.get();
        return (fallsOn(day) && s.coversSameDay(local.toLocalTime()))
                || (fallsOn(day.minusDays(1)) && s.coversNextDay(local.toLocalTime()));
    }

    /** Whether the holiday (or its start, for spans crossing midnight) is on {@code day}. */
    boolean fallsOn(LocalDate day) {
        if (!yearly) {
            return day.equals(date);
        }
        if (day.getYear() < date.getYear()) {
            return false;
        }
        MonthDay md = MonthDay.from(date);
        if (md.getMonth() == Month.FEBRUARY && md.getDayOfMonth() == 29 && !day.isLeapYear()) {
            return day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28;
        }
        return MonthDay.from(day).equals(md);
    }
}
