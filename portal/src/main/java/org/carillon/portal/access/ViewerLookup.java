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
    private final JdbcClient jdbc;

    public ViewerLookup(JdbcClient jdbc) {
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
        // One query per request: the account and its customer together (a role change or a disabled account takes
        // effect on the next request, so nothing about the viewer is kept in the session).
        Optional<Viewer> viewer = jdbc.sql("""
                SELECT a.id, a.email, a.first_name, a.last_name, a.role, m.customer_id
                FROM user_account a LEFT JOIN customer_member m ON m.account_id = a.id
                WHERE a.email = ? AND a.enabled = TRUE""")
                .param(AccountStore.normalise(auth.getName()))
                .query((rs, n) -> {
                    long customer = rs.getLong("customer_id");
                    Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
                    long id = rs.getLong("id");
                    String email = rs.getString("email");
                    String name = (rs.getString("first_name") + " " + rs.getString("last_name")).trim();
                    return PortalRole.find(rs.getString("role")).map(role -> new Viewer(id, email,
                            name.isEmpty() ? email : name, role,
                            role == PortalRole.STAFF ? Optional.<Long>empty() : customerId));
                })
                .optional().flatMap(v -> v)
                .filter(v -> v.staff() || v.customerId().isPresent());
        viewer.ifPresent(v -> request.setAttribute(ATTRIBUTE, v));
        return viewer;
    }

}
