package org.carillon.portal.customer;

import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.platform.mfa.MfaService;
import org.carillon.platform.password.AccountLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Resets a customer user's two-step sign-in for a user who lost both their phone and their recovery codes
 * ({@link MfaService#reset}): the vendor's staff reset an owner's (Customers ▸ customer), an owner a sub-account's
 * (Sub account settings); the callers decide who may. The user's sessions end, the audit log records
 * {@code mfa_reset} and the user is emailed, so a reset they did not ask for does not go unnoticed. Owners, for
 * whom two-step sign-in is required, are asked to set it up again at their next sign-in.
 */
@Service
public class MemberMfaReset {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final MfaService mfa;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final Clock clock;
    private final AccountLinks links;

    public MemberMfaReset(MfaService mfa, AuditLog audit, MailOutbox outbox, Clock clock, AccountLinks links) {
        this.mfa = mfa;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    /**
     * Resets {@code member}'s two-step sign-in, ends their sessions, audits and emails them.
     *
     * @param actor  who resets (email), for the audit log and the email
     * @return whether two-step sign-in was on (when it was not, nothing is changed, audited or sent)
     */
    @Transactional
    public boolean reset(Member member, String actor, String source) {
        if (!mfa.reset(member.accountId())) {
            return false;
        }
        audit.record(actor, "mfa_reset", "account", Long.toString(member.accountId()),
                "two-step sign-in of " + member.email() + " reset; sessions ended", source);
        outbox.enqueue(new MailMessage(member.email(), "Your Carillon Customer Portal two-step sign-in was reset",
                "Hello " + member.displayName() + ",\n\n"
                        + actor + " reset the two-step sign-in of your Carillon Customer Portal account ("
                        + member.email() + ") on " + TIME.format(clock.instant()) + ".\n"
                        + "The codes of your authenticator app and your recovery codes no longer work, and you were "
                        + "signed out everywhere.\n\n"
                        + "Sign in with your password and set up two-step sign-in again: " + links.link("/mfa/setup") + "\n\n"
                        + "If you did not ask for this, change your password and tell your account owner or the "
                        + "vendor's support at once.\n"));
        return true;
    }
}
