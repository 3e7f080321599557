package org.carillon.pbx.voicemail;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** Mailbox settings or an upload that cannot be taken. */
public class InvalidVoicemailException extends InvalidFieldsException {
    public InvalidVoicemailException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidVoicemailException(String field, String message) {
        super(field, message);
    }
}
