package org.carillon.pbx.mfa;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Role;
import org.carillon.platform.account.Account;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.mfa.MfaUser;
import org.carillon.platform.mfa.MfaUsers;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who must use two-step sign-in on the PBX: nobody by default — any user may turn it on for themselves under
 * <em>Two-step sign-in</em> —, and Owners when {@code CARILLON_PBX_MFA_REQUIRED=true}. The platform's two-step
 * sign-in ({@code org.carillon.platform.mfa}) asks it who is signed in.
 */
@Component
public class PbxMfaPolicy implements MfaUsers {
    private final AccountStore accounts;
    private volatile boolean required;

    public PbxMfaPolicy(AccountStore accounts, Environment environment) {
        this.accounts = accounts;
        this.required = environment.getProperty("carillon.pbx.mfa.required", Boolean.class, false);
    }

    @Override
    public Optional<MfaUser> current(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.findByEmail(auth.getName()).filter(Account::enabled)
                .map(a -> new MfaUser(a.id(), a.email(), required && Role.find(a.role()).orElse(null) == Role.OWNER));
    }

    /** Switches the requirement at run time; for tests (like {@code LoginThrottle.reset()}). */
    public void setRequired(boolean required) {
        this.required = required;
    }
}
