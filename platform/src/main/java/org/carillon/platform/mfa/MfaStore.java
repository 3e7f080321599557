package org.carillon.platform.mfa;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code mfa_credential} and {@code mfa_recovery_code}. */
@Repository
public class MfaStore {
    private final JdbcClient jdbc;

    public MfaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored credential: enabled once the user proved their app works. */
    public record Credential(String secret, boolean enabled, long lastUsedStep) {
    }

    public Optional<Credential> find(long accountId) {
        return jdbc.sql("SELECT secret, enabled, last_used_step FROM mfa_credential WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Credential(rs.getString(1), rs.getBoolean(2), rs.getLong(3))).optional();
    }

    public boolean enabled(long accountId) {
        return find(accountId).map(Credential::enabled).orElse(false);
    }

    /** Replaces any unconfirmed enrolment with a new secret; an enabled credential is left alone. */
    public void startEnrolment(long accountId, String secret, Instant now) {
        jdbc.sql("DELETE FROM mfa_credential WHERE account_id = ? AND enabled = FALSE").param(accountId).update();
        if (find(accountId).isEmpty()) {
            jdbc.sql("""
                    INSERT INTO mfa_credential (account_id, secret, enabled, last_used_step, created_at)
                    VALUES (?, ?, FALSE, 0, ?)""").params(accountId, secret, AccountStore.utc(now)).update();
        }
    }

    public void enable(long accountId, List<String> recoveryHashes) {
        jdbc.sql("UPDATE mfa_credential SET enabled = TRUE WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = ?").param(accountId).update();
        for (String hash : recoveryHashes) {
            jdbc.sql("INSERT INTO mfa_recovery_code (account_id, code_hash) VALUES (?, ?)").params(accountId, hash)
                    .update();
        }
    }

    /**
     * Records that the code of {@code step} was used, only if no later or equal step was: a compare-and-set, so a
     * code works once even when posted twice at the same moment (RFC 6238 §5.2).
     */
    public boolean useStep(long accountId, long step) {
        return jdbc.sql("UPDATE mfa_credential SET last_used_step = ? WHERE account_id = ? AND last_used_step < ?")
                .params(step, accountId, step).update() == 1;
    }

    /** Uses up one unused recovery code; false when it is unknown or was used. */
    public boolean useRecoveryCode(long accountId, String hash, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(AccountStore.utc(now), accountId, hash).update() == 1;
    }

    public long unusedRecoveryCodes(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE account_id = ? AND used_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    /** Forgets the account's credential (enabled or not) and its recovery codes: an administrator's reset. */
    public void remove(long accountId) {
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM mfa_credential WHERE account_id = ?").param(accountId).update();
    }
}
