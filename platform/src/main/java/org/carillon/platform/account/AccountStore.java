package org.carillon.platform.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** SQL for {@code user_account}. Emails are normalised to lower case on the way in. */
@Repository
public class AccountStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM user_account WHERE email = ?")
                .param(normalise(email))
                .query(AccountStore::map)
                .optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT * FROM user_account WHERE id = ?").param(id).query(AccountStore::map).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
    }

    public boolean existsWithRole(String role) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE role = ?").param(role).query(Long.class).single() > 0;
    }

    /** Inserts a new account and returns it with its id. */
    public Account create(String email, String passwordHash, String role, String firstName, String lastName) {
        OffsetDateTime now = utc(clock.instant());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (email, password_hash, role, first_name, last_name, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(normalise(email), passwordHash, role, firstName, lastName, now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return findById(id).orElseThrow();
    }

    /** Stores a re-hashed password (same password, stronger parameters): sessions stay valid. */
    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE user_account SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, utc(clock.instant()), id).update();
    }

    /** Sets a new password chosen by the user; every session that began before now is ended. */
    public void changePassword(long id, String passwordHash) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("UPDATE user_account SET password_hash = ?, updated_at = ?, credentials_changed_at = ? WHERE id = ?")
                .params(passwordHash, now, now, id).update();
    }

    /**
     * Ends every session of the account that began before now, as a password change does (e.g. after an
     * administrator reset the account's two-step sign-in).
     */
    public void endSessions(long id) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("UPDATE user_account SET updated_at = ?, credentials_changed_at = ? WHERE id = ?")
                .params(now, now, id).update();
    }

    /** Enables or disables sign-in; disabling ends the account's sessions. */
    public void setEnabled(long id, boolean enabled) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("UPDATE user_account SET enabled = ?, updated_at = ?, credentials_changed_at = ? WHERE id = ?")
                .params(enabled, now, now, id).update();
    }

    /**
     * Whether a session signed in at {@code signedInAtMillis} still stands: the account exists, is enabled and its
     * password has not changed (nor was it disabled) since. One indexed read; runs on every signed-in request.
     */
    public boolean sessionStands(String email, long signedInAtMillis) {
        return jdbc.sql("SELECT enabled, credentials_changed_at FROM user_account WHERE email = ?")
                .param(normalise(email))
                .query((rs, n) -> {
                    Instant changed = instant(rs, "credentials_changed_at");
                    return rs.getBoolean("enabled") && (changed == null || changed.toEpochMilli() <= signedInAtMillis);
                })
                .optional().orElse(false);
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        String hash = rs.getString("password_hash");
        return new Account(rs.getLong("id"), rs.getString("email"), hash == null ? "" : hash, rs.getString("role"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getBoolean("enabled"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** PostgreSQL's driver takes {@link OffsetDateTime}, not {@link Instant}: convert at the edge. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
