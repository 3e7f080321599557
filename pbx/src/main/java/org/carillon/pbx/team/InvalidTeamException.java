package org.carillon.pbx.team;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** One or more fields of a team are invalid. */
public class InvalidTeamException extends InvalidFieldsException {
    public InvalidTeamException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidTeamException(String field, String message) {
        super(field, message);
    }
}
