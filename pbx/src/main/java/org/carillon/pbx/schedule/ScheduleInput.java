package org.carillon.pbx.schedule;

import org.carillon.platform.web.ApiProblem;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Client forms of schedules and holidays (JSON bodies, also built from page forms) and their parsing into the
 * domain with one error per bad field. Weekly hours are {@code {"monday": ["09:00-12:00", "13:00-17:00"], …}}.
 */
public final class ScheduleInput {
    /** At most this many spans per weekday. */
    public static final int MAX_SPANS = 8;

    private ScheduleInput() {
    }

    /** Body of {@code PUT /api/v1/schedule}. */
    public record TenantBody(String timeZone, Map<String, List<String>> officeHours,
                             Map<String, List<String>> breakHours, DestinationCheck.Body nonOfficeHoursAction,
                             DestinationCheck.Body breakTimeAction, List<String> exemptExtensions) {
    }

    /** Body of {@code PUT /api/v1/extensions/{number}/schedule}; a null action means "the tenant's". */
    public record ExtensionBody(Boolean ownHours, Map<String, List<String>> officeHours,
                                Map<String, List<String>> breakHours, DestinationCheck.Body nonOfficeHoursAction,
                                DestinationCheck.Body breakTimeAction, Boolean exemptFromGlobalHolidays) {
    }

    /** Body of holiday create/replace: {@code start}/{@code end} only when not {@code allDay}. */
    public record HolidayBody(String name, String date, Boolean allDay, String start, String end, Boolean yearly) {
    }

    /** Body of {@code PUT …/override}. */
    public record OverrideBody(String mode, String until) {
    }

    /** Weekly hours as clients see them (lower-case weekday names, only days with spans). */
    public static Map<String, List<String>> wire(WeeklyHours hours) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        hours.days().forEach((d, spans) -> m.put(d.name().toLowerCase(Locale.ROOT),
                spans.stream().map(Span::toString).toList()));
        return m;
    }

    /**
     * Parses weekly hours ({@code {"monday": ["09:00-12:00"], …}}; null: none), adding one error per bad weekday
     * or span, named {@code field.monday} or {@code field.monday[1]}.
     */
    public static WeeklyHours hours(String field, Map<String, List<String>> days, List<ApiProblem.FieldError> errors) {
        Map<DayOfWeek, List<Span>> m = new EnumMap<>(DayOfWeek.class);
        if (days == null) {
            return WeeklyHours.none();
        }
        days.forEach((name, texts) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError(field + "." + name, "is not a weekday (monday … sunday)"));
                return;
            }
            List<String> list = texts == null ? List.of() : texts;
            if (list.size() > MAX_SPANS) {
                errors.add(new ApiProblem.FieldError(field + "." + name, "has more than " + MAX_SPANS + " spans"));
                return;
            }
            List<Span> spans = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                try {
                    spans.add(Span.parse(list.get(i) == null ? "" : list.get(i)));
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiProblem.FieldError(field + "." + name + "[" + i + "]", e.getMessage()));
                }
            }
            overlap(spans).ifPresent(msg -> errors.add(new ApiProblem.FieldError(field + "." + name, msg)));
            m.put(day, spans);
        });
        return new WeeklyHours(m);
    }

    /** Spans of one day must not overlap (on the day itself; a span crossing midnight runs to 24:00 here). */
    private static Optional<String> overlap(List<Span> spans) {
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                Span a = spans.get(i);
                Span b = spans.get(j);
                int aEnd = a.crossesMidnight() ? 1440 : minutes(a.end());
                int bEnd = b.crossesMidnight() ? 1440 : minutes(b.end());
                if (minutes(a.start()) < bEnd && minutes(b.start()) < aEnd) {
                    return Optional.of(a + " and " + b + " overlap");
                }
            }
        }
        return Optional.empty();
    }

    private static int minutes(java.time.LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    static Holiday holiday(long id, boolean audio, HolidayBody body, List<ApiProblem.FieldError> errors) {
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) {
            errors.add(new ApiProblem.FieldError("name", "is required"));
        } else if (name.length() > 80) {
            errors.add(new ApiProblem.FieldError("name", "must be at most 80 characters"));
        }
        LocalDate date = LocalDate.EPOCH;
        try {
            date = LocalDate.parse(body.date() == null ? "" : body.date().strip());
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError("date", "must be a date like 2026-12-25"));
        }
        boolean allDay = body.allDay() == null || body.allDay();
        Optional<Span> time = Optional.empty();
        if (!allDay) {
            try {
                java.time.LocalTime start = Span.time(body.start() == null ? "" : body.start().strip(), false);
                try {
                    time = Optional.of(new Span(start, Span.time(body.end() == null ? "" : body.end().strip(), true)));
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiProblem.FieldError("end", e.getMessage()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("start", e.getMessage()));
            }
        }
        return new Holiday(id, name, audio, date, time, body.yearly() != null && body.yearly());
    }

    static Optional<ScheduleOverride> override(OverrideBody body, Instant now, List<ApiProblem.FieldError> errors) {
        ScheduleOverride.Mode mode = null;
        if (body.mode() == null || body.mode().isBlank()) {
            errors.add(new ApiProblem.FieldError("mode", "is required (open or closed)"));
        } else {
            try {
                mode = ScheduleOverride.Mode.valueOf(body.mode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("mode", "must be open or closed"));
            }
        }
        Instant until = null;
        try {
            until = Instant.parse(body.until() == null ? "" : body.until().strip());
            if (!until.isAfter(now)) {
                errors.add(new ApiProblem.FieldError("until", "must be in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError("until", "must be an instant like 2026-12-24T18:00:00Z"));
        }
        return mode == null || until == null ? Optional.empty() : Optional.of(new ScheduleOverride(mode, until));
    }
}
