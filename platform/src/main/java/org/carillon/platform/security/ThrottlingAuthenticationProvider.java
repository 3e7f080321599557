package org.carillon.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * Wraps the password check with {@link LoginThrottle}: a locked name or address is refused before the password is
 * looked at; a throttled one waits first (on the request's own thread — Tomcat runs on virtual threads, so a wait
 * costs no platform thread). Form login and HTTP Basic both come through here; each refused password is written to
 * the audit log ({@link SignInAudit}).
 */
public final class ThrottlingAuthenticationProvider implements AuthenticationProvider {
    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Waiter waiter;
    private final SignInAudit audit;

    /** How a delay is served; tests replace it so they never sleep. */
    @FunctionalInterface
    public interface Waiter {
        void await(Duration delay) throws InterruptedException;
    }

    public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, Waiter waiter,
                                            SignInAudit audit) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.waiter = waiter;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String source = SignInAudit.source(authentication.getDetails());
        LoginThrottle.Verdict verdict = throttle.check(name, source);
        if (verdict.locked()) {
            throw new LockedException("Too many failed sign-in attempts. Try again later or reset your password.");
        }
        if (!verdict.delay().isZero()) {
            try {
                waiter.await(verdict.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BadCredentialsException("interrupted");
            }
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(name);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(name, source);
            audit.failed(name, source, throttle.check(name, source).locked());
            // One message for an unknown user, a wrong password and a disabled account.
            throw new BadCredentialsException("Invalid email or password.");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
