package org.carillon.pbx.call;

/** Thrown by {@link CallerScript} once the caller has hung up: the script's normal way out. */
public final class CallerGoneException extends RuntimeException {

    public CallerGoneException() {
        super("the caller hung up", null, false, false);
    }
}
