package org.carillon.sip.transaction;

import java.util.concurrent.ThreadLocalRandom;

/** Via branch parameters (RFC 3261 §8.1.1.7). */
public final class Branches {

    /** The magic cookie that marks an RFC 3261 branch. */
    public static final String COOKIE = "z9hG4bK";

    private Branches() {
    }

    /**
     * A new branch: the cookie plus 95 random bits, unique in space and time for practical purposes. The long
     * part is 63 bits because {@code Long.toUnsignedString} in base 36 allocates a {@code BigInteger} for negative
     * values, and a branch is made for every client transaction.
     */
    public static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return COOKIE + Long.toString(r.nextLong() >>> 1, 36) + Integer.toUnsignedString(r.nextInt(), 36);
    }

    /** True when the branch starts with the RFC 3261 cookie (compared case-sensitively, as §17.2.3 reads). */
    public static boolean isRfc3261(String branch) {
        return branch.startsWith(COOKIE);
    }
}
