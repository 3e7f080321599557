package org.carillon.platform.password;

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
 * How often "forgot password" may be asked (SECURITY.md: rate limits on password reset): at most
 * {@value #PER_ADDRESS} requests per source address and {@value #PER_EMAIL} reset mails per typed address within
 * 15 minutes. The address limit is said to the asker (it tells nothing about accounts); the email limit is silent —
 * the answer stays "if an account exists…" and no further mail is sent — so nobody can fill a user's inbox with
 * links and the answer still never tells whether an account exists. Addresses typed are counted whether or not
 * they have an account. Soft state: a restart forgets it.
 *
 * <p>Threads: thread-safe.
 */
@Component
public class ResetRequestLimit {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ADDRESS = 10;
    static final int PER_EMAIL = 3;
    private static final int MAX_KEYS = 100_000;
    private final Clock clock;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    public ResetRequestLimit(Clock clock) {
        this.clock = clock;
    }

    /** What a request may do. */
    public enum Verdict {
        /** Send the mail (when an account exists). */
        SEND,
        /** Answer as usual but send nothing: this address was mailed often enough lately. */
        ANSWER_ONLY,
        /** Refuse: too many requests from this source address. */
        REFUSE
    }

    /** Counts one request and says what it may do. */
    public Verdict request(String email, String source) {
        Instant now = clock.instant();
        if (requests.size() > MAX_KEYS) {
            requests.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        if (!take("s:" + source, PER_ADDRESS, now)) {
            return Verdict.REFUSE;
        }
        return take("e:" + email.trim().toLowerCase(Locale.ROOT), PER_EMAIL, now) ? Verdict.SEND : Verdict.ANSWER_ONLY;
    }

    /** Forgets every count; for tests. */
    public void reset() {
        requests.clear();
    }

    private boolean take(String key, int max, Instant now) {
        Deque<Instant> times = requests.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
