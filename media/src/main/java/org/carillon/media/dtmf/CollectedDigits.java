package org.carillon.media.dtmf;

/**
 * What a {@link DigitCollector} gathered and why it stopped.
 *
 * @param digits the digits, terminator excluded
 */
public record CollectedDigits(String digits, Reason reason) {

    /** Why collection ended. */
    public enum Reason {
        /** The maximum number of digits arrived. */
        MAX_DIGITS,
        /** A terminator key (e.g. '#') was pressed. */
        TERMINATOR,
        /** No digit within the inter-digit timeout after the last one. */
        INTER_DIGIT_TIMEOUT,
        /** No digit at all within the first-digit timeout. */
        NO_INPUT,
        /** The overall time limit passed. */
        OVERALL_TIMEOUT,
        /** {@link DigitCollector#cancel} was called. */
        CANCELLED
    }
}
