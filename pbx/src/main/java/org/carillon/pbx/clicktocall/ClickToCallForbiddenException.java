package org.carillon.pbx.clicktocall;

/** A user without Owner or Manager role asked to place a call from someone else's extension (HTTP 403). */
public class ClickToCallForbiddenException extends RuntimeException {
    public ClickToCallForbiddenException(String from) {
        super("You may place calls from your own extension only, not from " + from + ".");
    }
}
