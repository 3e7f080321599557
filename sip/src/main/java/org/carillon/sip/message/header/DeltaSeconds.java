package org.carillon.sip.message.header;

import org.carillon.sip.syntax.SipParseException;

/** {@code delta-seconds = 1*DIGIT} (RFC 3261 §25.1), saturating at 2^32-1 as §20.19 allows. */
public final class DeltaSeconds {
    /** The largest value, 2^32-1 seconds. */
    public static final long MAX = 4_294_967_295L;

    private DeltaSeconds() {
    }

    /**
     * Parses digits, saturating at {@link #MAX}.
     *
     * @throws SipParseException (400) if {@code s} is not all digits
     */
    public static long parse(String s) {
        if (s.isEmpty()) {
            throw SipParseException.bad("empty delta-seconds");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw SipParseException.bad("bad delta-seconds");
            }
            v = Math.min(MAX, v * 10 + (c - '0'));
        }
        return v;
    }
}
