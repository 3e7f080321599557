package org.carillon.pbx.license;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** SQL for {@code license_file} and {@code license_clock}. */
@Repository
public class LicenseStore {
    private final JdbcClient jdbc;

    public LicenseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An installed file as stored. */
    public record StoredFile(long id, String licenseId, long sequence, String kid, boolean development, String text,
                             Instant installedAt, String installedBy) {
    }

    public Optional<StoredFile> current() {
        return jdbc.sql("SELECT * FROM license_file ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new StoredFile(rs.getLong("id"), rs.getString("license_id"),
                        rs.getLong("sequence_no"), rs.getString("kid"), rs.getBoolean("development"),
                        rs.getString("file_text"), AccountStore.instant(rs, "installed_at"),
                        rs.getString("installed_by")))
                .optional();
    }

    public void insert(String licenseId, long sequence, String kid, boolean development, String text, Instant at,
                       String by) {
        jdbc.sql("""
                INSERT INTO license_file (license_id, sequence_no, kid, development, file_text, installed_at, installed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(licenseId, sequence, kid, development, text, AccountStore.utc(at), by).update();
    }

    public Optional<Instant> highestSeen() {
        return jdbc.sql("SELECT highest_seen FROM license_clock WHERE id = 1")
                .query((rs, n) -> AccountStore.instant(rs, "highest_seen")).optional();
    }

    /** Raises the floor; never lowers it. */
    public void raiseHighestSeen(Instant seen) {
        int updated = jdbc.sql("UPDATE license_clock SET highest_seen = ? WHERE id = 1 AND highest_seen < ?")
                .params(AccountStore.utc(seen), AccountStore.utc(seen)).update();
        if (updated == 0 && highestSeen().isEmpty()) {
            jdbc.sql("INSERT INTO license_clock (id, highest_seen) VALUES (1, ?)").param(AccountStore.utc(seen)).update();
        }
    }
}
