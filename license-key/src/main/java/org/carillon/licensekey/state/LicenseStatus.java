package org.carillon.licensekey.state;

import java.time.Instant;
import java.util.Optional;

/**
 * The result of {@link LicenseEvaluator#evaluate}.
 *
 * @param state                 where the license stands
 * @param refreshNeeded         the file is past its own {@code expiresAt}: the PBX should fetch a fresh one
 *                              (and say so in the banner); the state already accounts for it
 * @param wrongInstallation     the file is bound to another installation (state is then RESTRICTED)
 * @param effectiveNow          the time used: the later of now and the highest time ever seen
 * @param nextChange            when the state will next change by itself, if it will
 * @param highestSeen           what the PBX should persist as its new highest time seen
 */
public record LicenseStatus(LicenseState state, boolean refreshNeeded, boolean wrongInstallation,
                            Instant effectiveNow, Optional<Instant> nextChange, Instant highestSeen) {
}
