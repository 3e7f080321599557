package org.carillon.pbx.access;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.Account;
import org.carillon.platform.account.AccountStore;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The signed-in user's role as the account holds it now — not as the session remembered it at sign-in —, so a
 * promotion or demotion counts from the next request. {@link AccessInterceptor} checks permissions with it and the
 * shared layout's side menu ({@code pbx/shell.html}, as the bean {@code @currentRole}) shows what it allows. The
 * account is read at most once per request: the answer is kept as a request attribute, so the menu reuses the
 * lookup the permission check already made.
 *
 * <p>Threads: called on the request's thread.
 */
@Component("currentRole")
public class CurrentRole {
    private static final String ATTRIBUTE = CurrentRole.class.getName();
    private final AccountStore accounts;

    public CurrentRole(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The role of {@code request}'s signed-in, enabled account; empty when signed out or disabled. */
    @SuppressWarnings("unchecked")
    public Optional<Role> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Optional<?> known) {
            return (Optional<Role>) known;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Optional<Role> role = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? Optional.empty()
                : accounts.findByEmail(auth.getName()).filter(Account::enabled).flatMap(a -> Role.find(a.role()));
        request.setAttribute(ATTRIBUTE, role);
        return role;
    }

    /** The current request's role (see {@link #of}); empty outside a request. */
    public Optional<Role> find() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? of(attrs.getRequest()) : Optional.empty();
    }
}
