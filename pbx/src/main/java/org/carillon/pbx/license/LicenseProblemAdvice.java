package org.carillon.pbx.license;

import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Any REST endpoint that would exceed the license answers 403 with the license's own words. */
@RestControllerAdvice(annotations = RestController.class)
public class LicenseProblemAdvice {

    @ExceptionHandler(LicenseLimitException.class)
    public ProblemDetail limit(LicenseLimitException e) {
        ProblemDetail problem = ApiProblem.of(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("License limit");
        return problem;
    }
}
