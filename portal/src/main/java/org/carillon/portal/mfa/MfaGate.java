package org.carillon.portal.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.access.ViewerLookup;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;

/**
 * The second step of signing in, in front of every portal page: a user with two-step sign-in on must enter a code
 * once per session ({@code /mfa/verify}); a user who must have it (staff, owners) and has not set it up is sent to
 * {@code /mfa/setup} first. REST calls answer 401 instead of redirecting. Runs before the permission check.
 */
public final class MfaGate implements HandlerInterceptor {
    static final String PASSED = MfaGate.class.getName() + ".passed";
    private final ViewerLookup viewers;
    private final MfaService mfa;
    private final MfaPolicy policy;

    public MfaGate(ViewerLookup viewers, MfaService mfa, MfaPolicy policy) {
        this.viewers = viewers;
        this.mfa = mfa;
        this.policy = policy;
    }

    /** Marks the session's user as having passed the second step. */
    static void pass(HttpSession session, Viewer viewer) {
        session.setAttribute(PASSED, viewer.accountId());
    }

    static boolean passed(HttpServletRequest request, Viewer viewer) {
        HttpSession session = request.getSession(false);
        return session != null && Long.valueOf(viewer.accountId()).equals(session.getAttribute(PASSED));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || method.getBeanType() == MfaController.class
                || !method.getBeanType().getName().startsWith("org.carillon.portal.")) {
            return true;
        }
        var viewer = viewers.current(request);
        if (viewer.isEmpty() || passed(request, viewer.get())) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (mfa.enabled(viewer.get().accountId())) {
            return stop(request, response, api, "/mfa/verify");
        }
        if (policy.requiredFor(viewer.get())) {
            return api || stop(request, response, false, "/mfa/setup");
        }
        // Nothing to verify for this user: remember it for the session rather than asking the database on every
        // request. Turning two-step sign-in on later happens in this session with a code, which passes it anyway.
        HttpSession session = request.getSession(false);
        if (session != null) {
            pass(session, viewer.get());
        }
        return true;
    }

    private static boolean stop(HttpServletRequest request, HttpServletResponse response, boolean api, String page)
            throws IOException {
        if (api) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Two-step sign-in is on for this account: sign in on the web first.\"}");
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
        return false;
    }
}
