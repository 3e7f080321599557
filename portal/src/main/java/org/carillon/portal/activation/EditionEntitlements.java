package org.carillon.portal.activation;

import org.carillon.licensekey.file.Limits;

import java.util.List;

/**
 * What each edition unlocks in a license file: paid features and the tenant cap. Extensions come from the license
 * itself; concurrent calls are not capped by any edition.
 */
final class EditionEntitlements {
    static final int GRACE_DAYS = 14;

    private EditionEntitlements() {
    }

    static List<String> features(String edition) {
        return switch (edition) {
            case "professional" -> List.of("call_recording", "contact_centre");
            case "enterprise" -> List.of("call_recording", "contact_centre", "multi_site", "supervisor_wall");
            case "multi_tenant" -> List.of("call_recording", "contact_centre", "multi_site", "supervisor_wall",
                    "multi_tenant");
            default -> List.of();
        };
    }

    static Limits limits(String edition, int extensions) {
        int tenants = "multi_tenant".equals(edition) ? Limits.UNLIMITED : 1;
        return new Limits(extensions, Limits.UNLIMITED, tenants);
    }
}
