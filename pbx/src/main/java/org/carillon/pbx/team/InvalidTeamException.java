package org.carillon.pbx.team;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One or more fields of a team are invalid: 400 naming each field in the API, the message beside it on pages. */
public class InvalidTeamException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public InvalidTeamException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Map<String, String> byField() {
        var map = new LinkedHashMap<String, String>();
        problems.forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }

    public record FieldProblem(String field, String message) {
    }
}
