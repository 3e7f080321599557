package org.carillon.pbx.extension;

import org.carillon.pbx.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.account.AccountStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns the signed-in web user into an {@link Actor}: role from the account, own extension from the tenant. Read
 * from the database once per request (kept as a request attribute), never from the session, so a role change
 * applies on the next request.
 */
@Component
public class ActorResolver {
    private static final String ATTRIBUTE = ActorResolver.class.getName();
    private final AccountStore accounts;
    private final ExtensionStore extensions;
    private final TenantDirectory tenants;

    public ActorResolver(AccountStore accounts, ExtensionStore extensions, TenantDirectory tenants) {
        this.accounts = accounts;
        this.extensions = extensions;
        this.tenants = tenants;
    }

    /** @throws AccessDeniedException when the account vanished since sign-in */
    public Actor resolve(Authentication authentication, HttpServletRequest request) {
        return lookup(authentication, request).orElseThrow(() -> new AccessDeniedException("account gone"));
    }

    private Optional<Actor> lookup(Authentication authentication, HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Actor cached && cached.email().equals(authentication.getName())) {
            return Optional.of(cached);
        }
        Optional<Actor> actor = accounts.findByEmail(authentication.getName()).filter(a -> a.enabled()).map(account -> {
            Optional<String> own = extensions.findByAccount(tenants.current().id(), account.id())
                    .map(Extension::number);
            return new Actor(account.email(), Role.find(account.role()).orElse(Role.AGENT), own,
                    request.getRemoteAddr());
        });
        actor.ifPresent(a -> request.setAttribute(ATTRIBUTE, a));
        return actor;
    }
}
