package org.carillon.platform.token;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use account tokens (password reset, invitation): 256 random bits, sent to the user in a link; only the
 * SHA-256 of a token is stored. Issuing a token invalidates the account's older unused tokens of the same purpose.
 * Thread-safe; consumption is atomic (one UPDATE), so a token works once even under concurrent clicks.
 */
@Service
public class AccountTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the raw token, to be put in a link and never stored */
    @Transactional
    public String issue(long accountId, TokenPurpose purpose) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
                .params(AccountStore.utc(now), accountId, purpose.code()).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO account_token (account_id, purpose, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(accountId, purpose.code(), TokenHash.of(token), AccountStore.utc(now),
                        AccountStore.utc(now.plus(purpose.lifetime())))
                .update();
        return token;
    }

    /** The account a still-usable token belongs to, without using it up (to decide which form to show). */
    public Optional<Long> peek(String token, TokenPurpose purpose) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT account_id FROM account_token
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(TokenHash.of(token), purpose.code(), AccountStore.utc(clock.instant()))
                .query(Long.class).optional();
    }

    /** Uses the token up; returns its account, or empty when it is unknown, used, expired or superseded. */
    @Transactional
    public Optional<Long> consume(String token, TokenPurpose purpose) {
        Optional<Long> account = peek(token, purpose);
        if (account.isEmpty()) {
            return account;
        }
        int updated = jdbc.sql("UPDATE account_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(AccountStore.utc(clock.instant()), TokenHash.of(token)).update();
        return updated == 1 ? account : Optional.empty();
    }

    private static boolean plausible(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

}
