package org.carillon.pbx.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the License page, the dashboard and {@code GET /api/v1/license} show.
 *
 * @param state          {@code unlicensed}, {@code not_yet_valid}, {@code valid}, {@code grace} or {@code restricted}
 * @param extensionLimit how many extensions may exist now (the free tier's 10 when unlicensed)
 * @param banner         a warning for every page, or empty
 */
public record LicenseView(String state, String edition, Optional<String> licenseId, Optional<String> licensee,
                          int extensionLimit, Optional<Integer> concurrentCalls, List<String> features,
                          Optional<LocalDate> entitlementEnd, Optional<Instant> fileExpiresAt,
                          boolean development, boolean refreshNeeded, Optional<String> banner) {

    /** Extensions allowed without a license (SPEC §4, issue 9: the free tier). */
    public static final int FREE_TIER_EXTENSIONS = 10;
}
