package org.carillon.licensekey.state;

/**
 * Where an installed license stands, computed by {@link LicenseEvaluator} from the license and the time.
 * "Coverage" ends at the earlier of the end of the entitlement's last day (UTC) and the file's own
 * {@code expiresAt}; a perpetual license's coverage ends only with its file.
 *
 * <pre>
 *  NOT_YET_VALID --(entitlement start day begins)--> VALID
 *  VALID --(coverage ends)--> GRACE --(grace days pass)--> RESTRICTED
 *  any state --(a newer file is installed)--> re-evaluated from the new file
 *  any state --(file bound to another installation)--> RESTRICTED
 * </pre>
 * Time never runs backwards here: the evaluator uses the later of "now" and the highest "now" ever seen,
 * so setting the clock back never returns a license to an earlier state. Without a license at all the PBX
 * runs its free tier; that is the PBX's state, not one of these.
 */
public enum LicenseState {
    /** The entitlement starts later; the PBX treats the installation as unlicensed until then. */
    NOT_YET_VALID,
    /** Full function within the limits. */
    VALID,
    /** Full function, with a banner (and the Owner's daily email) saying when restriction begins. */
    GRACE,
    /**
     * No new extensions or paid features; existing extensions, calls in progress, new calls and
     * emergency numbers keep working.
     */
    RESTRICTED;

    /** Whether new extensions (within the limits) and paid features may be used. */
    public boolean allowsGrowth() {
        return this == VALID || this == GRACE;
    }

    /** Whether the PBX should show a warning banner. */
    public boolean needsBanner() {
        return this != VALID;
    }
}
