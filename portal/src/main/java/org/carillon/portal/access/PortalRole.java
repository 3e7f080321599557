package org.carillon.portal.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The portal's roles, stored lower-case in {@code user_account.role}. {@link #STAFF} is the vendor's staff (the
 * first-start account); the others belong to one customer: {@link #OWNER} manages the account and its sub-accounts,
 * {@link #PURCHASER} buys, {@link #TECHNICAL} sets licenses up, {@link #BILLING} sees invoices, {@link #VIEWER} only
 * looks. What each may do is in {@link Permission}.
 */
public enum PortalRole {
    STAFF, OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The stored and displayed name, e.g. {@code purchaser}. */
    public String code() {
        return code;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static final PortalRole[] ROLES = values();

    public static Optional<PortalRole> find(String code) {
        // A loop over the constants, not a stream: every page's viewer read maps its role through here (issue 8).
        for (PortalRole r : ROLES) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The roles an owner may give to a sub-account (never staff; owner only by staff). */
    public static PortalRole[] subAccountRoles() {
        return new PortalRole[] {PURCHASER, TECHNICAL, BILLING, VIEWER};
    }
}
