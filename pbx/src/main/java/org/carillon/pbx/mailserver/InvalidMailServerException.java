package org.carillon.pbx.mailserver;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** A mail server or test address refused; each error names its form field ({@code host}, {@code port}, {@code from}…). */
public class InvalidMailServerException extends InvalidFieldsException {
    public InvalidMailServerException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidMailServerException(String field, String message) {
        super(field, message);
    }
}
