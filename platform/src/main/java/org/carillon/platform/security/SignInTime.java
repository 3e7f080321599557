package org.carillon.platform.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Stamps a session with the moment its user signed in. Spring keeps the pre-login session (with a new id) at sign-in,
 * so the session's creation time can be older than the sign-in; the 8-hour limit and "sessions older than the last
 * password change end" must count from the sign-in instead.
 */
@Component
public class SignInTime {
    static final String ATTRIBUTE = "carillon.signedInAt";
    private final Clock clock;

    public SignInTime(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().getSession(true).setAttribute(ATTRIBUTE, clock.millis());
        }
    }

    /**
     * Counts the session as signed in now: after its own user changed their password (which ends every session
     * signed in before the change), the session that made the change stays.
     */
    public void renew(HttpSession session) {
        session.setAttribute(ATTRIBUTE, clock.millis());
    }

    /** When the session's user signed in, in epoch milliseconds; its creation time when not stamped. */
    public static long of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Long at ? at : session.getCreationTime();
    }
}
