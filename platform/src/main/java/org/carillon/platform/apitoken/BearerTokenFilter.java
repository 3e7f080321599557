package org.carillon.platform.apitoken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.platform.account.AccountStore;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Authenticates {@code Authorization: Bearer car_…} on the REST API as the token's account, for this request only
 * (no session). A read-only token may only GET or HEAD; an unknown, revoked or disabled-account token is a 401.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    /**
     * Request attribute set (to the token's id) on a request this filter authenticated: a server-side mark that a
     * header alone cannot forge, for checks that treat a token as a credential of its own (two-step sign-in).
     */
    public static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".tokenId";
    private final ApiTokens tokens;
    private final AccountStore accounts;

    public BearerTokenFilter(ApiTokens tokens, AccountStore accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var match = tokens.authenticate(header.substring(7).trim());
        var account = match.flatMap(m -> accounts.findById(m.accountId())).filter(a -> a.enabled());
        if (account.isEmpty()) {
            problem(response, 401, "Unauthorized", "The bearer token is unknown or revoked.");
            return;
        }
        boolean readOnly = match.get().scope() == ApiTokenScope.READ_ONLY;
        String method = request.getMethod();
        if (readOnly && !method.equals("GET") && !method.equals("HEAD")) {
            problem(response, 403, "Forbidden", "This token is read-only.");
            return;
        }
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + account.get().role().toUpperCase(Locale.ROOT)),
                new SimpleGrantedAuthority("SCOPE_" + match.get().scope().code()));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account.get().email(), null, authorities);
        var context = new SecurityContextImpl(authentication);
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED, match.get().tokenId());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
