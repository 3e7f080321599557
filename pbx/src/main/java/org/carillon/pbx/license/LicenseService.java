package org.carillon.pbx.license;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.licensekey.file.Expectations;
import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseVerifier;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.file.Verification;
import org.carillon.licensekey.installation.RequestCode;
import org.carillon.licensekey.state.LicenseEvaluator;
import org.carillon.licensekey.state.LicenseState;
import org.carillon.licensekey.state.LicenseStatus;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PBX's license: installs signed files (verified offline against the compiled-in keys), evaluates the state
 * against a clock that never runs backwards, and answers "may one more extension be created?". Limits are enforced
 * when creating, never by cutting live service.
 */
@Service
public class LicenseService {
    private final AuditTrail audit;
    private static final Duration FLOOR_WRITE_STEP = Duration.ofMinutes(1);

    private final LicenseStore store;
    private final InstallationIdentity identity;
    private final Clock clock;
    private final LicenseVerifier verifier;
    private final boolean developmentLicenses;
    private volatile Cached cached;

    private record Cached(long fileId, Verification.Accepted accepted) {
    }

    public LicenseService(LicenseStore store, InstallationIdentity identity, Settings settings, Clock clock,
                          AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.identity = identity;
        this.clock = clock;
        this.developmentLicenses = Boolean.parseBoolean(settings.string("CARILLON_DEV_LICENSES", "false"));
        this.verifier = new LicenseVerifier(PbxTrustedKeys.load(developmentLicenses), clock);
    }

    /**
     * Verifies and installs a license file.
     *
     * @throws LicenseInstallException with the reason when the file is refused (tampered, unknown key, another
     *                                 installation's, expired, older than the installed one…)
     */
    @Transactional
    public LicenseView install(String text, String installedBy) {
        LicenseView before = view();
        Instant floor = floor();
        Expectations expect = Expectations.forNewFile(identity.fingerprint()).withClockFloor(floor);
        var current = store.current();
        if (current.isPresent() && !current.get().development()) {
            expect = expect.withMinimumSequence(current.get().sequence());
        }
        Verification verification = verifier.verify(text, expect);
        if (verification instanceof Verification.Rejected rejected) {
            throw new LicenseInstallException(rejected.message());
        }
        var accepted = (Verification.Accepted) verification;
        License license = accepted.license();
        store.insert(license.licenseId(), license.sequence(), accepted.kid(), accepted.development(), text.trim(),
                clock.instant(), installedBy);
        cached = null;
        LicenseView after = view();
        audit.record(installedBy, AuditTrail.currentSource(), "license.install", "license", license.licenseId(), "",
                before.state().equals("unlicensed") ? Map.of() : state(before), state(after));
        return after;
    }

    /** The license's fields for the audit log (never the file or a key). */
    private static Map<String, Object> state(LicenseView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licenseId", v.licenseId().orElse(""));
        m.put("state", v.state());
        m.put("edition", v.edition());
        m.put("extensions", v.extensionLimit());
        m.put("entitlementEnd", v.entitlementEnd().map(Object::toString).orElse(""));
        m.put("development", v.development());
        return m;
    }

    /** The license as it stands now. */
    public LicenseView view() {
        Optional<Verification.Accepted> installed = installed();
        if (installed.isEmpty()) {
            return unlicensed(Optional.empty());
        }
        License license = installed.get().license();
        LicenseStatus status = LicenseEvaluator.evaluate(license, identity.fingerprint(), clock.instant(), floor());
        rememberFloor(status.highestSeen());
        if (status.state() == LicenseState.NOT_YET_VALID) {
            return unlicensed(Optional.of("The installed license starts on " + license.entitlementStart()
                    + "; until then the free tier applies."));
        }
        int limit = switch (status.state()) {
            case VALID, GRACE -> license.limits().extensions();
            default -> 0; // restricted: nothing new; what exists keeps working
        };
        Optional<String> banner = switch (status.state()) {
            case GRACE -> Optional.of("The license " + license.licenseId() + " has ended"
                    + status.nextChange().map(t -> "; the PBX will be restricted from " + t).orElse("")
                    + ". Renew it in the customer portal.");
            case RESTRICTED -> Optional.of(status.wrongInstallation()
                    ? "The license belongs to another installation: no new extensions or paid features."
                    : "The license " + license.licenseId() + " has expired: no new extensions or paid features. "
                    + "Calls keep working.");
            default -> installed.get().development()
                    ? Optional.of("Development license: not for production use.") : Optional.empty();
        };
        return new LicenseView(status.state().name().toLowerCase(Locale.ROOT), license.edition(),
                Optional.of(license.licenseId()), Optional.of(license.licensee()), limit,
                Optional.of(license.limits().concurrentCalls()).filter(c -> c != Limits.UNLIMITED),
                license.features(), license.entitlementEnd(), Optional.of(license.expiresAt()),
                installed.get().development(), status.refreshNeeded(), banner);
    }

    /**
     * Refuses growth beyond the license.
     *
     * @param existing how many extensions exist now
     * @param adding   how many the caller wants to add
     * @throws LicenseLimitException naming the license and its limit
     */
    public void requireRoomForExtensions(int existing, int adding) {
        LicenseView view = view();
        if ((long) existing + adding <= view.extensionLimit()) {
            return;
        }
        String which = view.licenseId().map(id -> "The license " + id + " (" + view.edition() + ")")
                .orElse("Without a license, the free tier");
        throw new LicenseLimitException(view.state().equals("restricted")
                ? which + " is restricted: no new extensions can be created. " + view.banner().orElse("")
                : which + " allows " + view.extensionLimit() + " extensions; " + existing
                + " exist. Add extensions to the license in the customer portal.");
    }

    /** A code the Owner pastes into the portal to activate offline. */
    public String requestCode() {
        return new RequestCode(identity.fingerprint(), identity.installationId()).encode();
    }

    public boolean developmentLicensesTrusted() {
        return developmentLicenses;
    }

    private Optional<Verification.Accepted> installed() {
        var current = store.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Cached c = cached;
        if (c != null && c.fileId() == current.get().id()) {
            return Optional.of(c.accepted());
        }
        // Re-verify what the database holds: a row edited by hand is not a license.
        Verification v = verifier.verify(current.get().text(), Expectations.forInstalledFile(identity.fingerprint()));
        if (v instanceof Verification.Accepted a) {
            cached = new Cached(current.get().id(), a);
            return Optional.of(a);
        }
        return Optional.empty();
    }

    private LicenseView unlicensed(Optional<String> banner) {
        return new LicenseView("unlicensed", "free", Optional.empty(), Optional.empty(),
                LicenseView.FREE_TIER_EXTENSIONS, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                false, false, banner);
    }

    private Instant floor() {
        Instant now = clock.instant();
        return store.highestSeen().filter(seen -> seen.isAfter(now)).orElse(now);
    }

    private void rememberFloor(Instant seen) {
        Instant stored = store.highestSeen().orElse(Instant.EPOCH);
        if (seen.isAfter(stored.plus(FLOOR_WRITE_STEP))) {
            store.raiseHighestSeen(seen);
        }
    }
}
