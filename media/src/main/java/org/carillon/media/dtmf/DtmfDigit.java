package org.carillon.media.dtmf;

import java.util.Optional;

/** The DTMF event codes of RFC 4733 §3.2: 0-9, * (10), # (11), A-D (12-15), flash (16, written '!'). */
public final class DtmfDigit {

    private static final String DIGITS = "0123456789*#ABCD!";

    private DtmfDigit() {
    }

    /** The character of event {@code code}, if it is a DTMF event. */
    public static Optional<Character> ofEvent(int code) {
        return code >= 0 && code < DIGITS.length() ? Optional.of(DIGITS.charAt(code)) : Optional.empty();
    }

    /**
     * The event code of {@code digit} (letters in either case).
     *
     * @throws IllegalArgumentException if it is not a DTMF digit
     */
    public static int eventOf(char digit) {
        int i = DIGITS.indexOf(Character.toUpperCase(digit));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return i;
    }
}
