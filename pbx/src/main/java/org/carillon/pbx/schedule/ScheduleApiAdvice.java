package org.carillon.pbx.schedule;

import org.carillon.pbx.extension.ExtensionForbiddenException;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.platform.web.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the controllers marked {@link ScheduleErrors}: 400 with named fields, 403, 404. */
@RestControllerAdvice(annotations = ScheduleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScheduleApiAdvice {

    @ExceptionHandler(InvalidScheduleException.class)
    public ProblemDetail invalid(InvalidScheduleException e) {
        return ApiProblem.validation(e.errors());
    }

    @ExceptionHandler({ExtensionNotFoundException.class, ScheduleNotFoundException.class})
    public ProblemDetail notFound(RuntimeException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ExtensionForbiddenException.class)
    public ProblemDetail forbidden(ExtensionForbiddenException e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
