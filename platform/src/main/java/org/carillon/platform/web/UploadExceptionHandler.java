package org.carillon.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload endpoint (a greeting, a holiday announcement, a CSV file) called without a multipart body answers 400
 * saying what it expects, on pages and in the API alike, instead of a server error. Browsers' upload forms always
 * send multipart bodies, so only scripts meet this answer.
 */
@RestControllerAdvice
public class UploadExceptionHandler {

    @ExceptionHandler(MultipartException.class)
    public ProblemDetail notMultipart(MultipartException e) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST,
                "This endpoint takes a file upload: send multipart/form-data with the file in its field.");
    }
}
