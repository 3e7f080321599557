package org.carillon.pbx.extension;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** One or more fields of an extension's create or change are invalid. */
public class InvalidExtensionException extends InvalidFieldsException {
    public InvalidExtensionException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidExtensionException(String field, String message) {
        super(field, message);
    }
}
