package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Builds the {@link Viewer} of the current request from the signed-in account and its {@code customer_member} row,
 * once per request (cached as a request attribute).
 */
@Component
public class ViewerLookup {
    private static final String ATTRIBUTE = ViewerLookup.class.getName();
    private final AccountStore accounts;
    private final JdbcClient jdbc;

    public ViewerLookup(AccountStore accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** The viewer, or empty when nobody (or an unknown role) is signed in. */
    public Optional<Viewer> current(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Viewer v) {
            return Optional.of(v);
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Optional<Viewer> viewer = accounts.findByEmail(auth.getName()).filter(a -> a.enabled()).flatMap(a ->
                PortalRole.find(a.role()).map(role -> new Viewer(a.id(), a.email(), a.displayName(), role,
                        role == PortalRole.STAFF ? Optional.empty() : customerOf(a.id()))))
                .filter(v -> v.staff() || v.customerId().isPresent());
        viewer.ifPresent(v -> request.setAttribute(ATTRIBUTE, v));
        return viewer;
    }

    private Optional<Long> customerOf(long accountId) {
        return jdbc.sql("SELECT customer_id FROM customer_member WHERE account_id = ?").param(accountId)
                .query(Long.class).optional();
    }
}
