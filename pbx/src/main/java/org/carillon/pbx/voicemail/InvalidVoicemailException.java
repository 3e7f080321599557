package org.carillon.pbx.voicemail;

import java.util.List;

/** Settings or an upload that cannot be taken; each problem names its field. */
public class InvalidVoicemailException extends RuntimeException {
    private final List<FieldProblem> problems;

    public record FieldProblem(String field, String message) {
    }

    public InvalidVoicemailException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.getFirst().field() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public InvalidVoicemailException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
