package org.carillon.pbx.voicemail;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such mailbox or message, or not the asker's own: answered 404 (never 403, which would confirm it exists). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class VoicemailNotFoundException extends RuntimeException {

    public VoicemailNotFoundException(String what) {
        super(what + " not found");
    }
}
