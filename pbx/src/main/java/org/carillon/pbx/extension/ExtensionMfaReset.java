package org.carillon.pbx.extension;

import org.carillon.pbx.access.Role;
import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.mfa.MfaService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * Resetting another user's two-step sign-in from their extension page, for a user who lost both their phone and
 * their recovery codes ({@link MfaService#reset}): the user's sessions end and they sign in with their password
 * alone — or are asked to set it up again at once when {@code CARILLON_PBX_MFA_REQUIRED} applies to them. Who may
 * reset whom follows the role rules of {@link ExtensionService}: an Owner resets anyone else's; a Manager only a
 * Supervisor's or an Agent's (never an Owner's nor another Manager's, whose role a Manager cannot change either);
 * nobody their own (the own <em>Two-step sign-in</em> page is for that).
 */
@Service
public class ExtensionMfaReset {
    private final ExtensionService extensions;
    private final MfaService mfa;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    public ExtensionMfaReset(ExtensionService extensions, MfaService mfa, AuditTrail audit, TransactionTemplate tx) {
        this.extensions = extensions;
        this.mfa = mfa;
        this.audit = audit;
        this.tx = tx;
    }

    /** Whether the user of {@code e} has two-step sign-in on. */
    public boolean enabled(Extension e) {
        return mfa.enabled(e.accountId());
    }

    /** Whether {@code actor} may reset the two-step sign-in of {@code e}'s user. */
    public static boolean may(Actor actor, Extension e) {
        return actor.admin() && !e.email().equalsIgnoreCase(actor.email())
                && (actor.role() == Role.OWNER || !e.role().admin());
    }

    /**
     * Resets the two-step sign-in of the extension's user and ends their sessions.
     *
     * @return whether it was on (when it was not, nothing is changed or audited)
     * @throws ExtensionNotFoundException  when the actor cannot see the extension
     * @throws ExtensionForbiddenException when the actor may not reset this user's (see the class comment)
     */
    public boolean reset(Tenant tenant, String number, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        if (e.email().equalsIgnoreCase(actor.email())) {
            throw new ExtensionForbiddenException("use your own Two-step sign-in page");
        }
        if (!may(actor, e)) {
            throw new ExtensionForbiddenException(
                    "only an Owner can reset the two-step sign-in of an Owner or a Manager");
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!mfa.reset(e.accountId())) {
                return false;
            }
            audit.record(actor.email(), actor.source(), "extension.mfa.reset", "extension", number,
                    "two-step sign-in reset; the user's sessions ended", Map.of("twoStepSignIn", true),
                    Map.of("twoStepSignIn", false));
            return true;
        }));
    }
}
