package org.carillon.platform.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account name and per source address (SECURITY.md): from the 5th failure within 15
 * minutes each further attempt is delayed (1 s, doubling, at most 30 s); the 10th failure within 15 minutes locks
 * that account name or address for 15 minutes. Unknown account names are counted too, so a lock says nothing about
 * whether an account exists. Soft state: a restart forgets it. Thread-safe.
 */
@Component
public class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int DELAY_AFTER = 5;
    static final int LOCK_AFTER = 10;
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** What to do with a login attempt before checking its password. */
    public record Verdict(boolean locked, Duration delay, Instant lockedUntil) {
    }

    public Verdict check(String accountName, String source) {
        Instant now = clock.instant();
        Verdict byAccount = verdict(key("a:", accountName), now);
        Verdict bySource = verdict(key("s:", source), now);
        if (byAccount.locked()) {
            return byAccount;
        }
        if (bySource.locked()) {
            return bySource;
        }
        return byAccount.delay().compareTo(bySource.delay()) >= 0 ? byAccount : bySource;
    }

    public void recordFailure(String accountName, String source) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> e.getValue().expired(now));
        }
        failures.computeIfAbsent(key("a:", accountName), k -> new Failures()).add(now);
        failures.computeIfAbsent(key("s:", source), k -> new Failures()).add(now);
    }

    /** A successful login clears the account's count (not the address's: one good account must not shield a scan). */
    public void recordSuccess(String accountName) {
        failures.remove(key("a:", accountName));
    }

    /** Forgets everything; for tests and for an admin "unlock all". */
    public void reset() {
        failures.clear();
    }

    private Verdict verdict(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return new Verdict(false, Duration.ZERO, null);
        }
        return f.verdict(now);
    }

    private static String key(String prefix, String value) {
        return prefix + (value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    }

    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized void add(Instant now) {
            prune(now);
            times.addLast(now);
            if (times.size() >= LOCK_AFTER) {
                lockedUntil = now.plus(LOCK);
            }
            while (times.size() > LOCK_AFTER) {
                times.removeFirst();
            }
        }

        synchronized Verdict verdict(Instant now) {
            prune(now);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return new Verdict(true, Duration.ZERO, lockedUntil);
            }
            int n = times.size();
            if (n < DELAY_AFTER) {
                return new Verdict(false, Duration.ZERO, null);
            }
            long seconds = Math.min(30, 1L << Math.min(5, n - DELAY_AFTER));
            return new Verdict(false, Duration.ofSeconds(seconds), null);
        }

        synchronized boolean expired(Instant now) {
            prune(now);
            return times.isEmpty() && (lockedUntil == null || !now.isBefore(lockedUntil));
        }

        private void prune(Instant now) {
            Instant horizon = now.minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
                times.removeFirst();
            }
        }
    }
}
