package org.carillon.pbx.audit;

import org.carillon.platform.web.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filter fields of the audit page and API as typed ({@code from}/{@code to}: an ISO instant
 * {@code 2026-11-27T08:00:00Z} or a day {@code 2026-11-27}, taken in the tenant's time zone; {@code to} is inclusive
 * of that day), turned into an {@link AuditQuery} or a list of field problems.
 */
public record AuditFilter(String actor, String objectType, String objectId, String from, String to) {

    static AuditFilter of(Map<String, String> params) {
        return new AuditFilter(params.getOrDefault("actor", ""), params.getOrDefault("objectType", ""),
                params.getOrDefault("objectId", ""), params.getOrDefault("from", ""), params.getOrDefault("to", ""));
    }

    /** A problem with one field. */

    /** @throws InvalidAuditFilterException naming each bad field */
    AuditQuery query(ZoneId zone, int page, int size) {
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        Optional<Instant> start = time("from", from, zone, false, problems);
        Optional<Instant> end = time("to", to, zone, true, problems);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            problems.add(new ApiProblem.FieldError("to", "must be after from"));
        }
        if (page < 0) {
            problems.add(new ApiProblem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > AuditQuery.MAX_SIZE) {
            problems.add(new ApiProblem.FieldError("size", "must be 1 to " + AuditQuery.MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuditFilterException(problems);
        }
        return new AuditQuery(text(actor), text(objectType), text(objectId), start, end, page, size);
    }

    private static Optional<String> text(String v) {
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<Instant> time(String field, String value, ZoneId zone, boolean endOfDay,
                                          List<ApiProblem.FieldError> problems) {
        Optional<String> v = text(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (v.get().length() == 10) {
                LocalDate day = LocalDate.parse(v.get());
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant());
            }
            return Optional.of(Instant.parse(v.get()));
        } catch (DateTimeParseException e) {
            problems.add(new ApiProblem.FieldError(field, "must be a day (2026-11-27) or an instant (2026-11-27T08:00:00Z)"));
            return Optional.empty();
        }
    }
}
