package org.carillon.portal.customer;

import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.paging.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.regex.Pattern;

/** Staff create and edit customer and partner accounts; creating one invites its owner by email. */
@Service
public class CustomerService {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("([A-Z]{2})?");
    private final CustomerStore customers;
    private final MemberInvitations invitations;
    private final AuditLog audit;
    private final Clock clock;

    public CustomerService(CustomerStore customers, MemberInvitations invitations, AuditLog audit, Clock clock) {
        this.customers = customers;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Customer> page(String search, int page) {
        return new Page<>(customers.page(search, Page.offset(page), Page.SIZE), Math.max(1, page), Page.SIZE,
                customers.count(search));
    }

    public Customer require(long id) {
        return customers.find(id).orElseThrow(NotFoundException::new);
    }

    /**
     * @throws InvalidFormException with every invalid field
     */
    @Transactional
    public long create(CustomerForm form, String actor, String source) {
        FieldErrors errors = validate(form);
        if (!USER_ID.matcher(form.userId()).matches()) {
            errors.add("userId", "Use 3–32 letters, digits, dots, dashes or underscores.");
        } else if (customers.userIdTaken(form.userId())) {
            errors.add("userId", "This user ID is taken.");
        }
        if (!EMAIL.matcher(form.ownerEmail()).matches() || form.ownerEmail().length() > 254) {
            errors.add("ownerEmail", "Enter the owner's email address.");
        }
        errors.required("ownerFirstName", form.ownerFirstName(), 100, "First name");
        errors.required("ownerLastName", form.ownerLastName(), 100, "Last name");
        if (errors.any()) {
            throw new InvalidFormException(errors);
        }
        long id = customers.create(form.companyName(), form.userId(), PartnerTier.find(form.tier()).orElseThrow(),
                new BigDecimal(form.discountPercent()), new BigDecimal(form.taxPercent()), form.country(),
                clock.instant());
        audit.record(actor, "customer_created", "customer", Long.toString(id),
                form.userId() + ", tier " + form.tier() + ", discount " + form.discountPercent() + "%", source);
        invitations.invite(id, form.companyName(), form.ownerEmail(), form.ownerFirstName(), form.ownerLastName(),
                PortalRole.OWNER, actor, source);
        return id;
    }

    /** Updates what staff may change; the user ID never changes. */
    @Transactional
    public void update(long id, CustomerForm form, String actor, String source) {
        Customer existing = require(id);
        FieldErrors errors = validate(form);
        if (errors.any()) {
            throw new InvalidFormException(errors);
        }
        customers.update(existing.id(), form.companyName(), PartnerTier.find(form.tier()).orElseThrow(),
                new BigDecimal(form.discountPercent()), new BigDecimal(form.taxPercent()), form.country());
        audit.record(actor, "customer_updated", "customer", Long.toString(id),
                "tier " + form.tier() + ", discount " + form.discountPercent() + "%, tax " + form.taxPercent() + "%",
                source);
    }

    private static FieldErrors validate(CustomerForm form) {
        FieldErrors errors = new FieldErrors();
        errors.required("companyName", form.companyName(), 200, "Company name");
        if (PartnerTier.find(form.tier()).isEmpty()) {
            errors.add("tier", "Choose a partner tier.");
        }
        percent(errors, "discountPercent", form.discountPercent());
        percent(errors, "taxPercent", form.taxPercent());
        if (!COUNTRY.matcher(form.country()).matches()) {
            errors.add("country", "Use a two-letter country code such as DE.");
        }
        return errors;
    }

    static void percent(FieldErrors errors, String field, String value) {
        try {
            BigDecimal p = new BigDecimal(value);
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.scale() > 2) {
                errors.add(field, "Enter a percentage from 0 to 100 with at most two decimals.");
            }
        } catch (NumberFormatException e) {
            errors.add(field, "Enter a percentage from 0 to 100 with at most two decimals.");
        }
    }
}
