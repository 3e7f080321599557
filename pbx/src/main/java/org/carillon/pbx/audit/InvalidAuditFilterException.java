package org.carillon.pbx.audit;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** A bad audit search. */
class InvalidAuditFilterException extends InvalidFieldsException {
    InvalidAuditFilterException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    InvalidAuditFilterException(String field, String message) {
        super(field, message);
    }
}
