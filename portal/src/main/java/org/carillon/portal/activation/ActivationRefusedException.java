package org.carillon.portal.activation;

import org.springframework.http.HttpStatus;

/** An activation that cannot be granted; the status and message go to the PBX (and its Owner) as they are. */
public final class ActivationRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String field;

    public ActivationRefusedException(HttpStatus status, String message) {
        this(status, null, message);
    }

    /** @param field the request field at fault, for a validation problem; may be null */
    public ActivationRefusedException(HttpStatus status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public java.util.Optional<String> field() {
        return java.util.Optional.ofNullable(field);
    }
}
