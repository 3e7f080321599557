package org.carillon.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
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
        if (session != null && clock.millis() - SignInTime.of(session) > ABSOLUTE.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
