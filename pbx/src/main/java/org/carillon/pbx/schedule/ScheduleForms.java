package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;
import org.carillon.platform.web.ApiProblem;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The page forms of the schedule editors: their fields are named like the API's ({@code officeHours.monday} holds
 * "09:00-12:00, 13:00-17:00"), so one set of checks serves both and errors land beside the right field.
 */
public final class ScheduleForms {
    /** Weekday keys in order, as in the API and the form field names. */
    public static final List<String> DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();

    private ScheduleForms() {
    }

    /** The form's spans of {@code field} ({@code officeHours} or {@code breakHours}) as the API's map. */
    public static Map<String, List<String>> hours(Map<String, String> form, String field) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String day : DAYS) {
            String text = form.getOrDefault(field + "." + day, "").strip();
            if (!text.isEmpty()) {
                m.put(day, Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            }
        }
        return m;
    }

    /** The form's destination {@code field}; empty when its type is left empty ("use the global action"). */
    public static Optional<DestinationCheck.Body> destination(Map<String, String> form, String field) {
        String type = form.getOrDefault(field + ".type", "").strip();
        return type.isEmpty() ? Optional.empty()
                : Optional.of(new DestinationCheck.Body(type, form.getOrDefault(field + ".target", "")));
    }

    /** Form values for weekly hours: {@code officeHours.monday} → "09:00-12:00, 13:00-17:00". */
    public static Map<String, String> values(String field, WeeklyHours hours) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String day : DAYS) {
            m.put(field + "." + day, String.join(", ", hours.on(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))
                    .stream().map(Span::toString).toList()));
        }
        return m;
    }

    /** Form values of a destination ({@code field.type}, {@code field.target}). */
    public static Map<String, String> values(String field, Optional<Destination> d) {
        return Map.of(field + ".type", d.map(x -> x.type().wire()).orElse(""),
                field + ".target", d.map(Destination::target).orElse(""));
    }

    /** Errors by form field: {@code officeHours.monday[1]} is shown beside {@code officeHours.monday}. */
    public static Map<String, String> errors(InvalidScheduleException e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ApiProblem.FieldError f : e.errors()) {
            m.putIfAbsent(f.field().replaceAll("\\[\\d+]", ""), f.message());
        }
        return m;
    }

    /** The holiday form as the API's body. */
    public static ScheduleInput.HolidayBody holiday(Map<String, String> form) {
        boolean allDay = !form.containsKey("start") || form.getOrDefault("start", "").isBlank()
                && form.getOrDefault("end", "").isBlank();
        return new ScheduleInput.HolidayBody(form.get("name"), form.get("date"), allDay, form.get("start"),
                form.get("end"), form.containsKey("yearly"));
    }
}
