package org.carillon.licensekey.state;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.carillon.licensekey.file.License;
import org.carillon.licensekey.installation.InstallationFingerprint;

/**
 * Computes a license's {@link LicenseState} as a pure function of the license, this installation and
 * time. Entitlement dates are UTC days; the last day is covered until its end (midnight UTC after it).
 * See {@link LicenseState} for the transitions. Stateless, thread-safe.
 */
public final class LicenseEvaluator {

    private LicenseEvaluator() {
    }

    /**
     * @param license      a license whose file has been verified (expired files included)
     * @param installation this installation
     * @param now          the PBX clock's current time
     * @param highestSeen  the highest {@code now} this PBX has ever seen (persisted; {@link Instant#EPOCH}
     *                     at first start)
     */
    public static LicenseStatus evaluate(License license, InstallationFingerprint installation,
                                         Instant now, Instant highestSeen) {
        Instant t = now.isAfter(highestSeen) ? now : highestSeen;
        boolean refresh = !t.isBefore(license.expiresAt());
        if (license.installation().isPresent() && !license.installation().get().equals(installation)) {
            return new LicenseStatus(LicenseState.RESTRICTED, refresh, true, t, Optional.empty(), t);
        }
        Instant start = license.entitlementStart().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (t.isBefore(start)) {
            return new LicenseStatus(LicenseState.NOT_YET_VALID, refresh, false, t, Optional.of(start), t);
        }
        Instant coverageEnd = license.entitlementEnd()
                .map(end -> end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .filter(end -> end.isBefore(license.expiresAt()))
                .orElse(license.expiresAt());
        Instant graceEnd = coverageEnd.plus(Duration.ofDays(license.graceDays()));
        if (t.isBefore(coverageEnd)) {
            return new LicenseStatus(LicenseState.VALID, refresh, false, t, Optional.of(coverageEnd), t);
        }
        if (t.isBefore(graceEnd)) {
            return new LicenseStatus(LicenseState.GRACE, refresh, false, t, Optional.of(graceEnd), t);
        }
        return new LicenseStatus(LicenseState.RESTRICTED, refresh, false, t, Optional.empty(), t);
    }
}
