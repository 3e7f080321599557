package org.carillon.platform.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.carillon.platform.apitoken.BearerTokenFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;

/**
 * The second step of signing in, in front of every page of the app's own handlers (package {@code appPackage}): a
 * user with two-step sign-in on must enter a code once per session ({@code /mfa/verify}); a user who must have it
 * ({@link MfaUser#required()}) and has not set it up is sent to {@code /mfa/setup} first. REST calls answer 401
 * instead of redirecting. A request {@link BearerTokenFilter} authenticated is let through: the token was made by a
 * signed-in user and is a credential of its own (a bearer header on a page, which that filter does not read, is not). Runs before the permission check.
 */
public final class MfaGate implements HandlerInterceptor {
    static final String PASSED = MfaGate.class.getName() + ".passed";
    private final MfaUsers users;
    private final MfaService mfa;
    private final String appPackage;

    /** @param appPackage the package prefix of the handlers to guard, e.g. {@code org.carillon.pbx.} */
    public MfaGate(MfaUsers users, MfaService mfa, String appPackage) {
        this.users = users;
        this.mfa = mfa;
        this.appPackage = appPackage;
    }

    /** Marks the session's user as having passed the second step. */
    static void pass(HttpSession session, MfaUser user) {
        session.setAttribute(PASSED, user.accountId());
    }

    static boolean passed(HttpServletRequest request, MfaUser user) {
        HttpSession session = request.getSession(false);
        return session != null && Long.valueOf(user.accountId()).equals(session.getAttribute(PASSED));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || MfaPages.class.isAssignableFrom(method.getBeanType())
                || !method.getBeanType().getName().startsWith(appPackage)) {
            return true;
        }
        if (request.getAttribute(BearerTokenFilter.AUTHENTICATED) != null) {
            return true;
        }
        var user = users.current(request);
        if (user.isEmpty() || passed(request, user.get())) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (mfa.enabled(user.get().accountId())) {
            return stop(request, response, api, "/mfa/verify");
        }
        if (user.get().required()) {
            return api || stop(request, response, false, "/mfa/setup");
        }
        // Nothing to verify for this user: remember it for the session rather than asking the database on every
        // request. Turning two-step sign-in on later happens in this session with a code, which passes it anyway.
        HttpSession session = request.getSession(false);
        if (session != null) {
            pass(session, user.get());
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
