package org.carillon.licensekey.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carillon.licensekey.installation.InstallationFingerprint;

/**
 * The signed content of a license file (the JWS payload). Immutable, thread-safe. Entitlement dates are
 * UTC calendar days, both inclusive, in the years 2000..9999; instants are whole seconds (finer parts
 * are dropped).
 *
 * @param licenseId        the portal's id of the license (stable across renewals and refreshes)
 * @param accountId        the portal's id of the customer account
 * @param licensee         the customer's name, shown on the PBX's License page
 * @param edition          the edition's code, lower snake_case (e.g. {@code professional})
 * @param term             subscription or perpetual
 * @param entitlementStart first day of the entitlement
 * @param entitlementEnd   last day of the entitlement; present exactly when the term is a subscription
 * @param graceDays        days of full function after the entitlement (or the file) ends, 0..365
 * @param limits           what may be created
 * @param features         paid feature codes, lower snake_case, no duplicates
 * @param installation     the installation this file is bound to; empty only in development licenses,
 *                         which verifiers accept only when signed by a development key
 * @param sequence         taken from one portal-wide counter (a database sequence), so every newer file,
 *                         of any license, has a higher number; a PBX refuses a file numbered below the
 *                         one it has installed (replaying an old file cannot undo a change)
 * @param issuedAt         when this file was signed
 * @param expiresAt        when this file stops being accepted and must be refreshed (after issuedAt)
 */
public record License(
        String licenseId,
        String accountId,
        String licensee,
        String edition,
        Term term,
        LocalDate entitlementStart,
        Optional<LocalDate> entitlementEnd,
        int graceDays,
        Limits limits,
        List<String> features,
        Optional<InstallationFingerprint> installation,
        long sequence,
        Instant issuedAt,
        Instant expiresAt) {

    /** Most grace a license may grant. */
    public static final int MAX_GRACE_DAYS = 365;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final int MAX_TEXT = 200;
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 9999;

    /** @throws IllegalArgumentException when a component breaks the rules stated on the parameters */
    public License {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(entitlementStart, "entitlementStart");
        Objects.requireNonNull(entitlementEnd, "entitlementEnd");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        requireText("licenseId", licenseId);
        requireText("accountId", accountId);
        requireText("licensee", licensee);
        requireCode("edition", edition);
        features = List.copyOf(features);
        features.forEach(f -> requireCode("feature", f));
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("features repeat");
        }
        if ((term == Term.SUBSCRIPTION) != entitlementEnd.isPresent()) {
            throw new IllegalArgumentException("a subscription has an entitlement end and a perpetual license has none");
        }
        if (entitlementStart.getYear() < MIN_YEAR || entitlementEnd.orElse(entitlementStart).getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("entitlement dates must lie in the years " + MIN_YEAR + ".." + MAX_YEAR);
        }
        if (entitlementEnd.isPresent() && entitlementEnd.get().isBefore(entitlementStart)) {
            throw new IllegalArgumentException("the entitlement ends before it starts");
        }
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            throw new IllegalArgumentException("grace days must be 0.." + MAX_GRACE_DAYS);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("the sequence number cannot be negative");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("the file must expire after it is issued");
        }
    }

    /** Whether the paid feature with this code is included. */
    public boolean hasFeature(String code) {
        return features.contains(code);
    }

    /** Whether this file is bound to no installation (development licenses only). */
    public boolean unbound() {
        return installation.isEmpty();
    }

    /** A builder, convenient for the portal and tests; every component must be set except as noted. */
    public static LicenseBuilder builder() {
        return new LicenseBuilder();
    }

    private static void requireText(String name, String value) {
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " contains a control character");
            }
        }
    }

    private static void requireCode(String name, String value) {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " \"" + value + "\" is not a lower-case code");
        }
    }
}
