package org.carillon.pbx.call;

/**
 * A call the PBX was asked to place ({@link CallService#originate}) cannot start.
 *
 * @see Reason
 */
public class OriginationRefusedException extends RuntimeException {
    /** Why: a bad {@code from}/{@code to} (the web answers 400 naming {@link #field()}), or nothing to ring (409). */
    public enum Reason { INVALID, NOT_REGISTERED }

    private final Reason reason;
    private final String field;

    public OriginationRefusedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault ({@code from} or {@code to}). */
    public String field() {
        return field;
    }
}
