package org.carillon.pbx.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.carillon.pbx.call.Destination;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the schedule API (CONTRACTS.md conventions: camelCase, lower snake_case enums). */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    /** {@code GET /api/v1/schedule}; {@code override} and {@code status} are read-only. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TenantView(String timeZone, Map<String, List<String>> officeHours,
                             Map<String, List<String>> breakHours, Destination nonOfficeHoursAction,
                             Destination breakTimeAction, List<String> exemptExtensions, ScheduleOverride override,
                             List<HolidayView> holidays, StatusView status) {
    }

    /** {@code GET /api/v1/extensions/{number}/schedule}; a null action means the tenant's. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExtensionView(boolean ownHours, Map<String, List<String>> officeHours,
                                Map<String, List<String>> breakHours, Destination nonOfficeHoursAction,
                                Destination breakTimeAction, boolean exemptFromGlobalHolidays,
                                List<HolidayView> holidays, StatusView status) {
    }

    /** A holiday; {@code start}/{@code end} are null when all day. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HolidayView(long id, String name, String date, boolean allDay, String start, String end,
                              boolean yearly, boolean audio) {
        public static HolidayView of(Holiday h) {
            String span = h.time().map(Span::toString).orElse(null);
            return new HolidayView(h.id(), h.name(), h.date().toString(), h.time().isEmpty(),
                    span == null ? null : span.substring(0, span.indexOf('-')),
                    span == null ? null : span.substring(span.indexOf('-') + 1), h.yearly(), h.audio());
        }
    }

    /** What the schedule says now: {@code open}, {@code break}, {@code closed} or {@code holiday}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StatusView(Verdict.State state, String reason, Destination action, String holiday) {
        public static StatusView of(Verdict v) {
            return new StatusView(v.state(), v.reason(), v.action().orElse(null),
                    v.holiday().map(Holiday::name).orElse(null));
        }
    }
}
