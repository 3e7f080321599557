package org.carillon.portal.access;

import java.util.Optional;

/**
 * The signed-in portal user as every handler sees it. Customer-scoped queries take {@link #customerId()} — never an
 * id from the request — so another customer's object is simply not found.
 *
 * @param customerId the user's customer; empty for staff
 */
public record Viewer(long accountId, String email, String displayName, PortalRole role, Optional<Long> customerId) {

    public boolean staff() {
        return role == PortalRole.STAFF;
    }

    public boolean can(Permission permission) {
        return permission.grants(role);
    }

    /** For templates: {@code me.has('PURCHASE')}. */
    public boolean has(String permission) {
        return can(Permission.valueOf(permission));
    }

    /**
     * The customer every query of a customer page is scoped by.
     *
     * @throws NotFoundException for staff, who have no customer of their own
     */
    public long customer() {
        return customerId.orElseThrow(NotFoundException::new);
    }
}
