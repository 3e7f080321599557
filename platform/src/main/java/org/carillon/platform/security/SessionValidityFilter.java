package org.carillon.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.carillon.platform.account.AccountStore;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a signed-in session whose user signed in before the account's password was changed or the account was disabled
 * (SECURITY.md: "other sessions ended", "disabling a user ends their sessions").
 */
public final class SessionValidityFilter extends OncePerRequestFilter {
    private final SessionCheck check;

    public SessionValidityFilter(AccountStore accounts) {
        this(SessionCheck.of(accounts));
    }

    public SessionValidityFilter(SessionCheck check) {
        this.check = check;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            if (!check.stands(request, auth.getName(), SignInTime.of(session))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
