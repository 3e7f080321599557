package org.carillon.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** Builds RFC 9457 problem details in the shape of CONTRACTS.md ({@code errors: [{field, message}]}). */
public final class ApiProblem {
    private ApiProblem() {
    }

    /** One validation error. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : "The request has " + errors.size() + " invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
