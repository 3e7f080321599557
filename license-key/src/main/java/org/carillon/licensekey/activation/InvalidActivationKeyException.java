package org.carillon.licensekey.activation;

/**
 * An activation key that could not be read. The message names the problem and, for a bad character,
 * its position, but never repeats the key itself (keys are secrets and messages end up in logs).
 */
public final class InvalidActivationKeyException extends IllegalArgumentException {

    /** What was wrong with the text. */
    public enum Reason {
        /** Not 25 symbols once hyphens and spaces are removed ({@code CAR1} + 20 + check). */
        WRONG_LENGTH,
        /** A character that is not a Crockford symbol, or a check-only symbol where data belongs. */
        BAD_CHARACTER,
        /** Not a key for this product and version (the first four symbols are not {@code CAR1}). */
        WRONG_PREFIX,
        /** Every symbol is valid but the check symbol does not match: a typo somewhere. */
        BAD_CHECK
    }

    private final Reason reason;

    InvalidActivationKeyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The kind of problem, for callers that map it to a field error. */
    public Reason reason() {
        return reason;
    }
}
