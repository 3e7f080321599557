package org.carillon.portal.license;

import java.time.Instant;

/** One step in a license's history: {@code purchased}, {@code set_up}, {@code renewed}, {@code upgraded}, … */
public record LicenseEvent(long id, long licenseId, Instant occurredAt, String kind, String detail) {

    public String label() {
        return switch (kind) {
            case "purchased" -> "Purchased";
            case "set_up" -> "Set up";
            case "renewed" -> "Renewed";
            case "upgraded" -> "Upgraded";
            case "extensions_added" -> "Extensions added";
            case "suspended" -> "Suspended";
            case "moved" -> "Moved";
            default -> kind;
        };
    }
}
