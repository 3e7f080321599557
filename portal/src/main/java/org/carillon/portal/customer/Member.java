package org.carillon.portal.customer;

import org.carillon.portal.access.PortalRole;

/**
 * A customer's portal user: the platform account (email, names, role) with the portal's personal details.
 *
 * @param verified whether the user has followed their invitation and chosen a password
 * @param twoStep  whether the user has two-step sign-in on
 */
public record Member(long accountId, long customerId, String email, String firstName, String lastName,
                     PortalRole role, boolean enabled, boolean verified, String phone, String addressLine,
                     String city, String postalCode, String country, boolean twoStep) {

    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? email : name;
    }

    public String status() {
        return !enabled ? "disabled" : verified ? "active" : "unverified";
    }
}
