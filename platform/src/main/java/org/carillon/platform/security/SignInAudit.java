package org.carillon.platform.security;

import org.carillon.platform.account.Account;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Sign-in events in the audit log (SECURITY.md, ASVS 16.3.1): {@code signed_in} for each form sign-in,
 * {@code sign_in_failed} for each refused password (form or HTTP Basic) and {@code sign_in_locked} when a failure
 * locks the account name or address. What was typed is never written: a failure names the account only when one
 * exists for the typed name, else the actor is {@code unknown} (a password typed into the name field stays out of
 * the log). Attempts refused while locked are not written one by one, so a scanner cannot grow the log without
 * bound from one address.
 *
 * <p>Threads: thread-safe (stateless; each call is one insert).
 */
@Component
public class SignInAudit {
    static final String UNKNOWN = "unknown";
    private final AuditLog audit;
    private final AccountStore accounts;

    public SignInAudit(AuditLog audit, AccountStore accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        accounts.findByEmail(authentication.getName()).ifPresent(a -> audit.record(a.email(), "signed_in",
                "account", Long.toString(a.id()), "", source(authentication.getDetails())));
    }

    /**
     * @param typedName   the account name as typed (never written unless it names an account)
     * @param lockedNow   whether this failure locked the name or the address for the next 15 minutes
     */
    void failed(String typedName, String source, boolean lockedNow) {
        Optional<Account> account = typedName == null ? Optional.empty() : accounts.findByEmail(typedName.trim());
        String actor = account.map(Account::email).orElse(UNKNOWN);
        String id = account.map(a -> Long.toString(a.id())).orElse("");
        audit.record(actor, "sign_in_failed", "account", id, "", source);
        if (lockedNow) {
            audit.record(actor, "sign_in_locked", "account", id, "locked for 15 minutes after 10 failures", source);
        }
    }

    static String source(Object details) {
        return details instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null ? d.getRemoteAddress() : "";
    }
}
