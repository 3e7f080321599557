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
    SIGNED_IN(EnumSet.allOf(PortalRole.class)),
    /** License history and license list of the own customer. */
    LICENSE_VIEW(EnumSet.of(OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER)),
    /** Full activation keys and license set-up. */
    LICENSE_MANAGE(EnumSet.of(OWNER, TECHNICAL)),
    /** Catalog, cart, checkout and payment. */
    PURCHASE(EnumSet.of(OWNER, PURCHASER)),
    /** Invoices, payment details and PDFs. */
    INVOICE(EnumSet.of(OWNER, PURCHASER, BILLING)),
    /** Personal profile of a customer's user (staff have none). */
    PROFILE(EnumSet.of(OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER)),
    /** Sub-account settings: invite, change role, disable. */
    SUBACCOUNT(EnumSet.of(OWNER)),
    /** Staff: customer and partner accounts. */
    STAFF_CUSTOMERS(EnumSet.of(STAFF)),
    /** Staff: editions and prices. */
    STAFF_CATALOG(EnumSet.of(STAFF));

    private final Set<PortalRole> roles;

    Permission(Set<PortalRole> roles) {
        this.roles = Set.copyOf(roles);
    }

    public boolean grants(PortalRole role) {
        return roles.contains(role);
    }

    public Set<PortalRole> roles() {
        return roles;
    }
}
