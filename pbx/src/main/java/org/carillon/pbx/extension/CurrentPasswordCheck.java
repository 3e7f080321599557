package org.carillon.pbx.extension;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.platform.account.Account;
import org.carillon.platform.security.LoginThrottle;
import org.carillon.platform.security.ThrottlingAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the current password that "set a new web password" asks for, throttled exactly like a sign-in (SECURITY.md):
 * each wrong one counts as a failed sign-in of the account and of the address in the platform's {@link LoginThrottle}
 * — the same counters, so guesses cannot be spread over both doors —, from the 5th the answer is delayed, at the 10th
 * the account and the address are locked for 15 minutes, and while locked the password is not even compared. Each
 * wrong or refused attempt is a line in the audit log ({@code account.password.wrong}, {@code
 * account.password.locked}), never with what was typed.
 *
 * <p>Threads: thread-safe; a delay is served on the request's (virtual) thread.
 */
@Component
public class CurrentPasswordCheck {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final LoginThrottle throttle;
    private final ThrottlingAuthenticationProvider.Waiter waiter;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    public CurrentPasswordCheck(LoginThrottle throttle, ThrottlingAuthenticationProvider.Waiter waiter,
                                PasswordEncoder encoder, AuditTrail audit) {
        this.throttle = throttle;
        this.waiter = waiter;
        this.encoder = encoder;
        this.audit = audit;
    }

    /**
     * @param given  what the user typed as their current password
     * @param source the client address
     * @return what to show beside the field; empty when {@code given} is the account's password
     */
    public Optional<String> problem(Account account, String given, String source) {
        var verdict = throttle.check(account.email(), source);
        if (verdict.locked()) {
            audit.record(account.email(), source, "account.password.locked", "account", account.email(),
                    "refused: too many wrong passwords", Map.of(), Map.of());
            return Optional.of("Too many wrong passwords. Try again after " + TIME.format(verdict.lockedUntil())
                    + ", or reset your password from the sign-in page.");
        }
        if (!verdict.delay().isZero()) {
            try {
                waiter.await(verdict.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("This is not your current password.");
            }
        }
        if (account.passwordHash() != null && encoder.matches(given, account.passwordHash())) {
            throttle.recordSuccess(account.email());
            return Optional.empty();
        }
        throttle.recordFailure(account.email(), source);
        audit.record(account.email(), source, "account.password.wrong", "account", account.email(),
                "wrong current password", Map.of(), Map.of());
        return Optional.of("This is not your current password.");
    }
}
