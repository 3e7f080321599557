package org.carillon.licensekey.file;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carillon.licensekey.installation.InstallationFingerprint;

/**
 * Builds a {@link License}. Defaults: term subscription, no features, grace 0 days, sequence 0, unbound
 * (set {@link #installation} for every file a customer gets). Not thread-safe.
 */
public final class LicenseBuilder {

    private String licenseId;
    private String accountId;
    private String licensee;
    private String edition;
    private Term term = Term.SUBSCRIPTION;
    private LocalDate entitlementStart;
    private Optional<LocalDate> entitlementEnd = Optional.empty();
    private int graceDays;
    private Limits limits;
    private List<String> features = List.of();
    private Optional<InstallationFingerprint> installation = Optional.empty();
    private long sequence;
    private Instant issuedAt;
    private Instant expiresAt;

    LicenseBuilder() {
    }

    public LicenseBuilder licenseId(String v) { licenseId = v; return this; }

    public LicenseBuilder accountId(String v) { accountId = v; return this; }

    public LicenseBuilder licensee(String v) { licensee = v; return this; }

    public LicenseBuilder edition(String v) { edition = v; return this; }

    /** A subscription from {@code start} to {@code end}, both inclusive. */
    public LicenseBuilder subscription(LocalDate start, LocalDate end) {
        term = Term.SUBSCRIPTION;
        entitlementStart = start;
        entitlementEnd = Optional.of(end);
        return this;
    }

    /** A perpetual entitlement from {@code start}. */
    public LicenseBuilder perpetual(LocalDate start) {
        term = Term.PERPETUAL;
        entitlementStart = start;
        entitlementEnd = Optional.empty();
        return this;
    }

    public LicenseBuilder graceDays(int v) { graceDays = v; return this; }

    public LicenseBuilder limits(Limits v) { limits = v; return this; }

    public LicenseBuilder features(List<String> v) { features = v; return this; }

    public LicenseBuilder installation(InstallationFingerprint v) { installation = Optional.of(v); return this; }

    public LicenseBuilder sequence(long v) { sequence = v; return this; }

    /** The file's own validity: issued at {@code issued}, accepted until {@code expires}. */
    public LicenseBuilder validity(Instant issued, Instant expires) {
        issuedAt = issued;
        expiresAt = expires;
        return this;
    }

    /**
     * @throws IllegalArgumentException as {@link License} does
     * @throws NullPointerException     if a component without a default was not set
     */
    public License build() {
        return new License(licenseId, accountId, licensee, edition, term, entitlementStart, entitlementEnd,
                graceDays, limits, features, installation, sequence, issuedAt, expiresAt);
    }
}
