package org.carillon.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/**
 * Maps REST API errors once, at the edge, to RFC 9457 problem details: validation failures list each field; an
 * unknown or read-only field sent by a client is refused naming the field; unreadable JSON says where it broke.
 * Only {@link RestController}s are covered: pages get the HTML error page.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(),
                        f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(ApiProblem.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return ApiProblem.validation(List.of(new ApiProblem.FieldError(e.getName(), "has the wrong format")));
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return ApiProblem.validation(List.of(new ApiProblem.FieldError(u.getPropertyName(),
                    "is read-only or unknown and must not be sent")));
        }
        if (cause instanceof InvalidFormatException f) {
            return ApiProblem.validation(List.of(new ApiProblem.FieldError(path(f), "has the wrong format")));
        }
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            return ApiProblem.validation(List.of(new ApiProblem.FieldError(path(d), "is invalid")));
        }
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this endpoint.");
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
