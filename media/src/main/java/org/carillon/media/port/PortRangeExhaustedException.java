package org.carillon.media.port;

/** Every port pair of the configured range is in use: the call engine answers the call with 503. */
public final class PortRangeExhaustedException extends RuntimeException {

    public PortRangeExhaustedException(String message) {
        super(message);
    }
}
