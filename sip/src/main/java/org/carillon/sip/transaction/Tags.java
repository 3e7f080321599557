package org.carillon.sip.transaction;

import java.util.concurrent.ThreadLocalRandom;

/** From/To tags (RFC 3261 §19.3: at least 32 bits of randomness). */
public final class Tags {

    private Tags() {
    }

    /**
     * A new random tag of 63 bits in base 36. Not 64: {@code Long.toUnsignedString} in base 36 goes through
     * {@code BigInteger} for half of all values (~0.4 kB of garbage per tag, several tags per call).
     */
    public static String generate() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
