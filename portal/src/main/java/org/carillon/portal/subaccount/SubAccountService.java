package org.carillon.portal.subaccount;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.Member;
import org.carillon.portal.customer.MemberInvitations;
import org.carillon.portal.customer.MemberMfaReset;
import org.carillon.portal.customer.MemberStore;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.paging.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Arrays;

/**
 * An account owner's users: invite (the invitee verifies their email and sets their own password), change role,
 * disable and enable. Owners cannot change or disable themselves, so a customer never loses its last owner this way.
 */
@Service
public class SubAccountService {
    private final MemberStore members;
    private final MemberInvitations invitations;
    private final CustomerStore customers;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final MemberMfaReset mfaReset;
    private final Clock clock;

    public SubAccountService(MemberStore members, MemberInvitations invitations, CustomerStore customers,
                             AccountStore accounts, AuditLog audit, MemberMfaReset mfaReset, Clock clock) {
        this.mfaReset = mfaReset;
        this.members = members;
        this.invitations = invitations;
        this.customers = customers;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Member> page(Viewer me, String search, int page) {
        return new Page<>(members.page(me.customer(), search, Page.offset(page), Page.SIZE), Math.max(1, page),
                Page.SIZE, members.count(me.customer(), search));
    }

    /** @throws InvalidFormException naming the invalid fields */
    @Transactional
    public void invite(Viewer me, SubAccountForm form, String source) {
        FieldErrors errors = new FieldErrors();
        if (!form.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || form.email().length() > 254) {
            errors.add("email", "Enter the new user's email address.");
        }
        errors.required("firstName", form.firstName(), 100, "First name");
        errors.required("lastName", form.lastName(), 100, "Last name");
        PortalRole role = role(form.role(), errors);
        if (errors.any()) {
            throw new InvalidFormException(errors);
        }
        var customer = customers.find(me.customer()).orElseThrow(NotFoundException::new);
        invitations.invite(customer.id(), customer.companyName(), form.email(), form.firstName(), form.lastName(),
                role, me.email(), source);
    }

    @Transactional
    public void changeRole(Viewer me, long accountId, String roleCode, String source) {
        Member member = other(me, accountId);
        FieldErrors errors = new FieldErrors();
        PortalRole role = role(roleCode, errors);
        if (errors.any()) {
            throw new InvalidFormException(errors);
        }
        members.updateRole(me.customer(), member.accountId(), role, clock.instant());
        audit.record(me.email(), "member_role_changed", "account", Long.toString(accountId),
                member.role().code() + " → " + role.code(), source);
    }

    @Transactional
    public void setEnabled(Viewer me, long accountId, boolean enabled, String source) {
        Member member = other(me, accountId);
        accounts.setEnabled(member.accountId(), enabled);
        audit.record(me.email(), enabled ? "member_enabled" : "member_disabled", "account",
                Long.toString(accountId), "", source);
    }

    @Transactional
    public void resendInvitation(Viewer me, long accountId, String source) {
        Member member = other(me, accountId);
        var customer = customers.find(me.customer()).orElseThrow(NotFoundException::new);
        invitations.resend(member, customer.companyName(), me.email(), source);
    }

    /**
     * Resets a sub-account's two-step sign-in (lost phone and recovery codes): its sessions end, the user is emailed.
     *
     * @throws InvalidFormException naming {@code account} when it was not on, or for the owner's own or another
     *                              owner's (the vendor's staff reset those)
     */
    @Transactional
    public void resetTwoStep(Viewer me, long accountId, String source) {
        Member member = other(me, accountId);
        if (!mfaReset.reset(member, me.email(), source)) {
            throw InvalidFormException.of("account", member.email() + " does not have two-step sign-in on.");
        }
    }

    private Member other(Viewer me, long accountId) {
        Member member = members.find(me.customer(), accountId).orElseThrow(NotFoundException::new);
        if (member.accountId() == me.accountId() || member.role() == PortalRole.OWNER) {
            throw InvalidFormException.of("account", "Owners are managed by the vendor's staff.");
        }
        return member;
    }

    private static PortalRole role(String code, FieldErrors errors) {
        return PortalRole.find(code).filter(r -> Arrays.asList(PortalRole.subAccountRoles()).contains(r))
                .orElseGet(() -> {
                    errors.add("role", "Choose purchaser, technical, billing or viewer.");
                    return PortalRole.VIEWER;
                });
    }
}
