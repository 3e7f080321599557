package org.carillon.pbx.extension;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.account.AccountStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Turns the signed-in web user into an {@link Actor}: role from the account, own extension from the tenant. */
@Component
public class ActorResolver {
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
        var account = accounts.findByEmail(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("account gone"));
        Optional<String> own = extensions.findByAccount(tenants.current().id(), account.id()).map(Extension::number);
        return new Actor(account.email(), Role.find(account.role()).orElse(Role.AGENT), own, request.getRemoteAddr());
    }
}
