package org.carillon.platform.mfa;

import org.carillon.platform.security.LoginThrottle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong second-step codes counted per account and per source address across sessions (SECURITY.md: rate limits on
 * MFA): the 10th wrong code within 15 minutes locks the account's second step (and the address) for 15 minutes, and
 * while locked even the right code is refused. Without it, whoever has the password could sign in again after
 * every five wrong codes (the per-session limit) and guess on. The counts are the platform's {@link LoginThrottle}
 * rules in a counter of their own: a right password clears the sign-in counter, which must not clear this one.
 * Soft state: a restart forgets it.
 *
 * <p>Threads: thread-safe.
 */
@Component
public class MfaThrottle {
    private final LoginThrottle counts;

    public MfaThrottle(Clock clock) {
        this.counts = new LoginThrottle(clock);
    }

    /** Until when the account's (or the address's) second step is locked; empty when it is not. */
    public Optional<Instant> lockedUntil(String account, String source) {
        var verdict = counts.check(account, source);
        return verdict.locked() ? Optional.of(verdict.lockedUntil()) : Optional.empty();
    }

    /** @return whether this wrong code locked the account or the address */
    boolean failed(String account, String source) {
        counts.recordFailure(account, source);
        return counts.check(account, source).locked();
    }

    void passed(String account) {
        counts.recordSuccess(account);
    }

    /** Forgets every count; for tests. */
    public void reset() {
        counts.reset();
    }
}
