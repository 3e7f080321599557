package org.carillon.pbx.schedule;

import org.carillon.platform.web.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schedule, holiday or profile that cannot be saved; each problem names its field (400 at the web edge). */
public class InvalidScheduleException extends RuntimeException {
    private final List<ApiProblem.FieldError> errors;

    public InvalidScheduleException(List<ApiProblem.FieldError> errors) {
        super(errors.isEmpty() ? "invalid" : errors.getFirst().field() + ": " + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public InvalidScheduleException(String field, String message) {
        this(List.of(new ApiProblem.FieldError(field, message)));
    }

    public List<ApiProblem.FieldError> errors() {
        return errors;
    }

    /** The first message per field, for forms. */
    public Map<String, String> byField() {
        Map<String, String> m = new LinkedHashMap<>();
        errors.forEach(e -> m.putIfAbsent(e.field(), e.message()));
        return m;
    }
}
