package org.carillon.sip.transaction;

import java.util.concurrent.ThreadLocalRandom;

/** From/To tags (RFC 3261 §19.3: at least 32 bits of randomness). */
public final class Tags {

    private Tags() {
    }

    /** A new random tag of 64 bits in base 36. */
    public static String generate() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
