package org.carillon.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a user sent cannot be taken, and each problem names its field as in the JSON body. Each feature throws its
 * own subclass; the web edge answers HTTP 400 with {@link ApiProblem#validation} in the API and shows each message
 * beside its field on the pages ({@link #byField()}).
 */
public abstract class InvalidFieldsException extends RuntimeException {
    private final transient List<ApiProblem.FieldError> errors;

    protected InvalidFieldsException(List<ApiProblem.FieldError> errors) {
        super(errors.isEmpty() ? "invalid" : errors.getFirst().field() + ": " + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    protected InvalidFieldsException(String field, String message) {
        this(List.of(new ApiProblem.FieldError(field, message)));
    }

    /** Every problem, in the order found; a field may appear more than once. */
    public List<ApiProblem.FieldError> errors() {
        return errors;
    }

    /** The first message of each field, for a form. */
    public Map<String, String> byField() {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.message()));
        return map;
    }
}
