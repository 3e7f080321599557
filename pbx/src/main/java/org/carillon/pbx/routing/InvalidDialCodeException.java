package org.carillon.pbx.routing;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** A dial code (feature code or speed dial) is malformed or clashes with the number plan. Messages name the clash
 * ("*8 is already the group pickup code"). */
public class InvalidDialCodeException extends InvalidFieldsException {
    public InvalidDialCodeException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidDialCodeException(String field, String message) {
        super(field, message);
    }
}
