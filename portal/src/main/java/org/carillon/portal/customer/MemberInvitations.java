package org.carillon.portal.customer;

import org.carillon.platform.account.Account;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.password.AccountLinks;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.form.InvalidFormException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Creates a customer's user without a password and emails them the platform's invitation link ("Verify my email"),
 * where they choose their own password; until then the user is listed as unverified and cannot sign in.
 */
@Service
public class MemberInvitations {
    private final AccountStore accounts;
    private final MemberStore members;
    private final AccountLinks links;
    private final AuditLog audit;
    private final Clock clock;

    public MemberInvitations(AccountStore accounts, MemberStore members, AccountLinks links, AuditLog audit,
                             Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws InvalidFormException naming {@code email} when the address already has an account
     */
    @Transactional
    public Account invite(long customerId, String companyName, String email, String firstName, String lastName,
                          PortalRole role, String actor, String source) {
        if (accounts.findByEmail(email).isPresent()) {
            throw InvalidFormException.of("email", "This email address already has an account.");
        }
        Account account = accounts.create(email, null, role.code(), firstName.trim(), lastName.trim());
        members.link(account.id(), customerId, clock.instant());
        send(account, companyName, role, actor);
        audit.record(actor, "member_invited", "account", Long.toString(account.id()),
                "customer " + customerId + ", role " + role.code(), source);
        return account;
    }

    /**
     * Sends a new invitation link to a member who has not verified yet; the earlier link stops working.
     *
     * @throws InvalidFormException naming {@code account} when the member already chose a password
     */
    @Transactional
    public void resend(Member member, String companyName, String actor, String source) {
        if (member.verified()) {
            throw InvalidFormException.of("account", member.email() + " has already verified their email.");
        }
        send(accounts.findById(member.accountId()).orElseThrow(), companyName, member.role(), actor);
        audit.record(actor, "member_invitation_resent", "account", Long.toString(member.accountId()), "", source);
    }

    private void send(Account account, String companyName, PortalRole role, String actor) {
        links.sendInvitation(account, "Your Carillon Customer Portal account — verify your email",
                "Hello " + account.displayName() + ",\n\n" + actor + " created a " + role.label()
                        + " account for you in the Carillon Customer Portal of " + companyName + ".\n"
                        + "In the portal you can see your licenses, buy and renew them and download invoices.\n\n"
                        + "Verify my email: open the link below to confirm this address and choose your password.");
    }
}
