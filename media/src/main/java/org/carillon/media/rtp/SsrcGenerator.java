package org.carillon.media.rtp;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Source of SSRCs and initial sequence numbers/timestamps: RFC 3550 §5.1 and §8.1 want them random so
 * that streams do not collide and plaintext attacks get no help. Thread-safe when the generator is.
 */
public final class SsrcGenerator {

    private final RandomGenerator random;

    /** Backed by a {@link SecureRandom}. */
    public SsrcGenerator() {
        this(new SecureRandom());
    }

    /** Backed by {@code random} (tests pass a seeded one). */
    public SsrcGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A new random SSRC. */
    public int nextSsrc() {
        return random.nextInt();
    }

    /** A random first sequence number, 0..65535. */
    public int nextSequence() {
        return random.nextInt(1 << 16);
    }

    /** A random first timestamp. */
    public int nextTimestamp() {
        return random.nextInt();
    }

    /** A new rewriter with a random SSRC, sequence and timestamp. */
    public RtpRewriter newRewriter(int clockRate) {
        return new RtpRewriter(nextSsrc(), nextSequence(), nextTimestamp(), clockRate);
    }
}
