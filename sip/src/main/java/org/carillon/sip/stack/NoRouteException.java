package org.carillon.sip.stack;

import java.io.Serial;

/**
 * A request cannot be sent: its Route or Request-URI names no IP address the stack can reach
 * without DNS, or a transport it does not support yet.
 */
public final class NoRouteException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NoRouteException(String message) {
        super(message);
    }
}
