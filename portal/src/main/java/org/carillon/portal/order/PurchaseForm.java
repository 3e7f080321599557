package org.carillon.portal.order;

/**
 * The Purchases page's form: license type, edition, extension tier, extra years, and for renewals, upgrades and
 * added extensions the license they apply to. All text as posted; {@link CartService} validates.
 */
public record PurchaseForm(String kind, String edition, String extensions, String extraYears, String licenseId) {

    public PurchaseForm {
        kind = kind == null || kind.isBlank() ? LineKind.NEW.code() : kind.trim();
        edition = edition == null ? "" : edition.trim();
        extensions = extensions == null ? "" : extensions.trim();
        extraYears = extraYears == null || extraYears.isBlank() ? "0" : extraYears.trim();
        licenseId = licenseId == null ? "" : licenseId.trim();
    }

    public static PurchaseForm empty() {
        return new PurchaseForm(LineKind.NEW.code(), "", "", "0", "");
    }
}
