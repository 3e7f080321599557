package org.carillon.pbx.schedule;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** A schedule, holiday or profile that cannot be saved. */
public class InvalidScheduleException extends InvalidFieldsException {
    public InvalidScheduleException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidScheduleException(String field, String message) {
        super(field, message);
    }
}
