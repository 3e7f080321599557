package org.carillon.pbx.routing;

import org.carillon.platform.web.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dial code (feature code or speed dial) is malformed or clashes with the number plan: HTTP 400 naming each field
 * in the API, the message beside each field on the pages. Messages name the clash ("*8 is already the group pickup
 * code").
 */
public class InvalidDialCodeException extends RuntimeException {
    private final transient List<ApiProblem.FieldError> problems;

    public InvalidDialCodeException(List<ApiProblem.FieldError> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidDialCodeException(String field, String message) {
        this(List.of(new ApiProblem.FieldError(field, message)));
    }

    public List<ApiProblem.FieldError> problems() {
        return problems;
    }

    /** Field name → message, for the pages. */
    public Map<String, String> byField() {
        Map<String, String> map = new LinkedHashMap<>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }
}
