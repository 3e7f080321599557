package org.carillon.portal.activation;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** SQL for {@code license_activation}, the file sequence and the license's installation column. */
@Repository
public class ActivationStore {
    private final JdbcClient jdbc;

    public ActivationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the portal-wide file sequence. */
    public long nextSequence() {
        return jdbc.sql("SELECT nextval('license_file_seq')").query(Long.class).single();
    }

    /** The installation a license is on now, if any. */
    public Optional<String> currentFingerprint(long licenseId) {
        return jdbc.sql("""
                SELECT fingerprint FROM license_activation WHERE license_id = ? AND moved_away_at IS NULL
                ORDER BY id DESC LIMIT 1""").param(licenseId).query(String.class).optional();
    }

    /** How many times the license moved to another installation since {@code since}. */
    public int movesSince(long licenseId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM license_activation WHERE license_id = ? AND moved_away_at >= ?")
                .params(licenseId, AccountStore.utc(since)).query(Integer.class).single();
    }

    public void activate(long licenseId, String fingerprint, String installationId, String method, Instant now) {
        jdbc.sql("UPDATE license_activation SET moved_away_at = ? WHERE license_id = ? AND moved_away_at IS NULL")
                .params(AccountStore.utc(now), licenseId).update();
        jdbc.sql("""
                INSERT INTO license_activation (license_id, fingerprint, installation_id, method, activated_at, last_issued_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(licenseId, fingerprint, installationId, method, AccountStore.utc(now), AccountStore.utc(now))
                .update();
        jdbc.sql("UPDATE license SET installation = ? WHERE id = ?").params(fingerprint, licenseId).update();
    }

    public void issued(long licenseId, String fingerprint, Instant now) {
        jdbc.sql("""
                UPDATE license_activation SET last_issued_at = ?
                WHERE license_id = ? AND fingerprint = ? AND moved_away_at IS NULL""")
                .params(AccountStore.utc(now), licenseId, fingerprint).update();
    }
}
