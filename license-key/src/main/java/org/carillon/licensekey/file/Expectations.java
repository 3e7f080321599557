package org.carillon.licensekey.file;

import java.time.Instant;
import java.util.Objects;
import org.carillon.licensekey.installation.InstallationFingerprint;

/**
 * What the PBX requires of a license file beyond a good signature.
 *
 * @param installation      this installation; a bound file must name it
 * @param minimumSequence   lowest acceptable sequence number: that of the installed production file;
 *                          lower is refused. Not applied to files signed by development keys (and such
 *                          files should not raise what the PBX stores as its minimum)
 * @param enforceFileExpiry whether a file past its {@code expiresAt} is refused; true for a new file,
 *                          false when re-reading the installed one (its expiry is then a state flag, see
 *                          {@code LicenseEvaluator})
 * @param clockFloor        the latest time ever seen by this PBX; "now" is never taken to be earlier, so a
 *                          clock set back cannot revive an expired file
 */
public record Expectations(InstallationFingerprint installation, long minimumSequence,
                           boolean enforceFileExpiry, Instant clockFloor) {

    /** @throws NullPointerException if the installation or the clock floor is missing */
    public Expectations {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(clockFloor, "clockFloor");
    }

    /** For a file being installed (uploaded, activated, refreshed, or given at start). */
    public static Expectations forNewFile(InstallationFingerprint installation) {
        return new Expectations(installation, 0, true, Instant.EPOCH);
    }

    /** For re-reading the file already installed, e.g. at start: an expired file still verifies. */
    public static Expectations forInstalledFile(InstallationFingerprint installation) {
        return new Expectations(installation, 0, false, Instant.EPOCH);
    }

    /** The same, refusing files with a sequence number below {@code installedSequence}. */
    public Expectations withMinimumSequence(long installedSequence) {
        return new Expectations(installation, installedSequence, enforceFileExpiry, clockFloor);
    }

    /** The same, never taking "now" to be before {@code highestSeen}. */
    public Expectations withClockFloor(Instant highestSeen) {
        return new Expectations(installation, minimumSequence, enforceFileExpiry, highestSeen);
    }
}
