package org.carillon.pbx.extension;

import java.util.List;
import java.util.Map;

/**
 * One or more fields of a create or change are invalid: HTTP 400 naming each field in the API, the message beside
 * each field on the pages.
 *
 * @see FieldProblem
 */
public class InvalidExtensionException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public InvalidExtensionException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidExtensionException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Field name → message, for the pages. */
    public Map<String, String> byField() {
        var map = new java.util.LinkedHashMap<String, String>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }

    /** One invalid field, named as in the JSON body. */
    public record FieldProblem(String field, String message) {
    }
}
