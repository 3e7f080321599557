package org.carillon.portal.access;

import java.util.EnumSet;
import java.util.Set;

import static org.carillon.portal.access.PortalRole.BILLING;
import static org.carillon.portal.access.PortalRole.OWNER;
import static org.carillon.portal.access.PortalRole.PURCHASER;
import static org.carillon.portal.access.PortalRole.STAFF;
import static org.carillon.portal.access.PortalRole.TECHNICAL;
import static org.carillon.portal.access.PortalRole.VIEWER;

/**
 * What a role may do: the portal's permission table. Every page or API handler names one permission with
 * {@link Allowed}; a handler without one is refused ({@link AccessInterceptor}), so a new endpoint is closed until
 * someone decides who may use it.
 */
public enum Permission {
    /** Any signed-in portal user: the dashboard and the own profile. */
    SIGNED_IN("Sign in: the dashboard and the help guides", EnumSet.allOf(PortalRole.class)),
    /** License history and license list of the own customer. */
    LICENSE_VIEW("See the license history and the licenses (keys masked)",
            EnumSet.of(OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER)),
    /** Full activation keys and license set-up. */
    LICENSE_MANAGE("See full activation keys, set licenses up, offline activation", EnumSet.of(OWNER, TECHNICAL)),
    /** Catalog, cart, checkout and payment. */
    PURCHASE("Buy: catalog, cart, checkout and payment", EnumSet.of(OWNER, PURCHASER)),
    /** Invoices, payment details and PDFs. */
    INVOICE("See invoices, their payment details and PDFs", EnumSet.of(OWNER, PURCHASER, BILLING)),
    /** Personal profile of a customer's user (staff have none). */
    PROFILE("Edit the own profile and change the own password",
            EnumSet.of(OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER)),
    /** Sub-account settings: invite, change role, disable, reset two-step sign-in. */
    SUBACCOUNT("Invite sub-accounts, change their role, disable them, reset their two-step sign-in",
            EnumSet.of(OWNER)),
    /** Staff: customer and partner accounts, their owners' invitations and two-step sign-in resets. */
    STAFF_CUSTOMERS("Staff: customer and partner accounts", EnumSet.of(STAFF)),
    /** Staff: editions and prices. */
    STAFF_CATALOG("Staff: editions and prices", EnumSet.of(STAFF));

    private final String summary;
    private final Set<PortalRole> roles;

    Permission(String summary, Set<PortalRole> roles) {
        this.summary = summary;
        this.roles = Set.copyOf(roles);
    }

    /** What the permission allows, in the help guides' words. */
    public String summary() {
        return summary;
    }

    public boolean grants(PortalRole role) {
        return roles.contains(role);
    }

    public Set<PortalRole> roles() {
        return roles;
    }
}
