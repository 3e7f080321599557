package org.carillon.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends a session 8 hours after its user signed in, however active it is (SECURITY.md); the 15-minute idle limit is the
 * servlet container's own session timeout.
 */
public final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {
    public static final Duration ABSOLUTE = Duration.ofHours(8);
    private final Clock clock;

    public AbsoluteSessionTimeoutFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && signedIn(session) && clock.millis() - SignInTime.of(session) > ABSOLUTE.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /**
     * A signed-in user's session: stamped at sign-in, or holding a security context. A visitor's session (the sign-in
     * form's CSRF token) has no 8-hour limit of its own, the idle limit ends it; counting it from its creation time
     * (the container's clock) against this filter's clock would end it in the middle of the sign-in whenever the two
     * disagree, and the sign-in would fail on its lost CSRF token.
     */
    private static boolean signedIn(HttpSession session) {
        return session.getAttribute(SignInTime.ATTRIBUTE) != null
                || session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }
}
