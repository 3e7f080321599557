package org.carillon.sip.transport;

import java.io.Serial;

/** A send that could not be done: no connection, queue full, unsupported transport, I/O error. */
public final class TransportException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
