package org.carillon.pbx.license;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.licensekey.activation.InvalidActivationKeyException;
import org.carillon.platform.account.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Online activation with the key from the portal, and the daily refresh that fetches a fresh file with the same key
 * (so renewals and upgrades bought in the portal reach the PBX by themselves).
 */
@Service
public class LicenseActivation {
    private static final Logger log = LoggerFactory.getLogger(LicenseActivation.class);
    private final LicenseService licenses;
    private final PortalClient portal;
    private final InstallationIdentity identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LicenseActivation(LicenseService licenses, PortalClient portal, InstallationIdentity identity,
                             JdbcClient jdbc, Clock clock) {
        this.licenses = licenses;
        this.portal = portal;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws LicenseInstallException when the key is malformed, the portal refuses or cannot be reached, or the
     *                                 file it sends is refused
     */
    public LicenseView activate(String keyText, String who) {
        ActivationKey key;
        try {
            key = ActivationKey.parse(keyText == null ? "" : keyText);
        } catch (InvalidActivationKeyException e) {
            throw new LicenseInstallException(e.getMessage());
        }
        String file = portal.activate(key.text(), identity.fingerprint(), identity.installationId());
        LicenseView view = licenses.install(file, who);
        var now = AccountStore.utc(clock.instant());
        if (jdbc.sql("UPDATE license_activation_key SET activation_key = ?, activated_at = ?, last_refresh_at = ?, "
                + "last_error = NULL WHERE id = 1").params(key.text(), now, now).update() == 0) {
            jdbc.sql("INSERT INTO license_activation_key (id, activation_key, activated_at, last_refresh_at) "
                    + "VALUES (1, ?, ?, ?)").params(key.text(), now, now).update();
        }
        return view;
    }

    /** Fetches a fresh file with the stored key; a failure is logged and kept for the License page. */
    @Scheduled(fixedDelayString = "${carillon.license.refresh-ms:86400000}", initialDelayString = "${carillon.license.refresh-initial-ms:60000}")
    public void refresh() {
        Optional<String> key = storedKey();
        if (key.isEmpty()) {
            return;
        }
        try {
            activate(key.get(), "daily refresh");
        } catch (LicenseInstallException | IllegalStateException e) {
            jdbc.sql("UPDATE license_activation_key SET last_error = ? WHERE id = 1")
                    .param(e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage()).update();
            log.warn("License refresh failed: {}", e.getMessage());
        }
    }

    /** The masked key, for display. */
    public Optional<String> maskedKey() {
        return storedKey().map(k -> ActivationKey.parse(k).masked());
    }

    public Optional<String> lastError() {
        return jdbc.sql("SELECT last_error FROM license_activation_key WHERE id = 1").query(String.class).optional()
                .filter(e -> e != null && !e.isBlank());
    }

    private Optional<String> storedKey() {
        return jdbc.sql("SELECT activation_key FROM license_activation_key WHERE id = 1").query(String.class).optional();
    }
}
