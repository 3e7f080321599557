package org.carillon.portal.activation;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.licensekey.activation.InvalidActivationKeyException;
import org.carillon.licensekey.file.LicenseSigner;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.installation.RequestCode;
import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.license.License;
import org.carillon.portal.license.LicenseStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Turns a paid license into signed files for a PBX (issue 9): online activation and the daily refresh (same call:
 * key + installation fingerprint), offline activation from a request code, and moving a license to another
 * installation at most {@value #MOVES_PER_YEAR} times in 365 days.
 */
@Service
public class ActivationService {
    static final int MOVES_PER_YEAR = 2;
    static final Duration ONLINE_FILE_VALIDITY = Duration.ofDays(30);

    private final LicenseStore licenses;
    private final CustomerStore customers;
    private final ActivationStore store;
    private final SigningKey signingKey;
    private final AuditLog audit;
    private final Clock clock;

    public ActivationService(LicenseStore licenses, CustomerStore customers, ActivationStore store,
                             SigningKey signingKey, AuditLog audit, Clock clock) {
        this.licenses = licenses;
        this.customers = customers;
        this.store = store;
        this.signingKey = signingKey;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Online activation or refresh by a PBX.
     *
     * @throws ActivationRefusedException 400 malformed key or fingerprint, 404 no license has this key, 403 the
     *                                    license is suspended or inactive, 409 moved too often this year
     */
    @Transactional
    public IssuedFile activateOnline(String keyText, String fingerprintText, String installationId, String source) {
        ActivationKey key;
        try {
            key = ActivationKey.parse(keyText == null ? "" : keyText);
        } catch (InvalidActivationKeyException e) {
            throw new ActivationRefusedException(HttpStatus.BAD_REQUEST, "key", e.getMessage());
        }
        InstallationFingerprint fingerprint = fingerprint(fingerprintText);
        License license = licenses.findByKey(key).orElseThrow(() ->
                new ActivationRefusedException(HttpStatus.NOT_FOUND, "No license has this activation key."));
        Instant now = clock.instant();
        Instant validUntil = now.plus(ONLINE_FILE_VALIDITY);
        return issue(license, fingerprint, installationId(installationId), "online", validUntil, source, now);
    }

    /**
     * Offline activation from the PBX's request code, by a signed-in user of the owning customer: the file is valid
     * to the end of the subscription plus grace.
     */
    @Transactional
    public IssuedFile activateOffline(License license, String requestCodeText, String actor) {
        RequestCode code;
        try {
            code = RequestCode.parse(requestCodeText);
        } catch (IllegalArgumentException e) {
            throw new ActivationRefusedException(HttpStatus.BAD_REQUEST, "requestCode", e.getMessage());
        }
        Instant now = clock.instant();
        Instant end = license.endsOn().plusDays(1 + EditionEntitlements.GRACE_DAYS).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant validUntil = end.isAfter(now.plus(ONLINE_FILE_VALIDITY)) ? end : now.plus(ONLINE_FILE_VALIDITY);
        return issue(license, code.fingerprint(), code.installationId(), "offline", validUntil, actor, now);
    }

    private IssuedFile issue(License license, InstallationFingerprint fingerprint, String installationId, String method,
                             Instant validUntil, String who, Instant now) {
        if (!"active".equals(license.status())) {
            throw new ActivationRefusedException(HttpStatus.FORBIDDEN,
                    "This license is " + license.status() + "; contact your reseller or the vendor.");
        }
        var current = store.currentFingerprint(license.id());
        if (current.isEmpty()) {
            store.activate(license.id(), fingerprint.value(), installationId, method, now);
            licenses.event(license.id(), "activated", method + " on installation " + fingerprint.shortForm(), now);
        } else if (!current.get().equals(fingerprint.value())) {
            if (store.movesSince(license.id(), now.minus(Duration.ofDays(365))) >= MOVES_PER_YEAR) {
                throw new ActivationRefusedException(HttpStatus.CONFLICT, "This license is activated on another "
                        + "installation and has already moved " + MOVES_PER_YEAR + " times in the last 12 months. "
                        + "Contact support to move it again.");
            }
            store.activate(license.id(), fingerprint.value(), installationId, method, now);
            licenses.event(license.id(), "moved", "to installation " + fingerprint.shortForm() + " (" + method + ")", now);
        }
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        String licensee = customers.find(license.customerId()).map(c -> c.companyName()).orElse("Customer");
        var payload = org.carillon.licensekey.file.License.builder()
                .licenseId("lic-" + license.id())
                .accountId("acc-" + license.customerId())
                .licensee(licensee)
                .edition(license.editionCode())
                .subscription(license.startsOn(), license.endsOn())
                .graceDays(EditionEntitlements.GRACE_DAYS)
                .limits(EditionEntitlements.limits(license.editionCode(), license.extensions()))
                .features(EditionEntitlements.features(license.editionCode()))
                .installation(fingerprint)
                .sequence(store.nextSequence())
                .validity(issuedAt, validUntil.truncatedTo(ChronoUnit.SECONDS))
                .build();
        String file = new LicenseSigner(signingKey.key(), signingKey.kid()).sign(payload);
        store.issued(license.id(), fingerprint.value(), now);
        audit.record(who, "license_file_issued", "license", Long.toString(license.id()),
                method + ", sequence " + payload.sequence() + ", installation " + fingerprint.shortForm(), who);
        return new IssuedFile(file, payload.licenseId(), payload.expiresAt());
    }

    private static InstallationFingerprint fingerprint(String text) {
        try {
            return InstallationFingerprint.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new ActivationRefusedException(HttpStatus.BAD_REQUEST, "fingerprint",
                    "must be the 64-character installation fingerprint the PBX sends");
        }
    }

    private static String installationId(String id) {
        if (id == null || id.isBlank()) {
            return "unknown";
        }
        String trimmed = id.strip();
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
