package org.carillon.platform.apitoken;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.token.TokenHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for the REST API: {@code car_} + 256 random bits, shown once at creation; only the SHA-256 is kept.
 * A token acts as its account (same role), limited by its scope; revoking is immediate.
 */
@Service
public class ApiTokens {
    public static final String PREFIX = "car_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);
    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token and the text to show once. */
    public record Created(ApiToken token, String secret) {
    }

    /** A presented token that matched an active row. */
    public record Match(long tokenId, long accountId, ApiTokenScope scope) {
    }

    @Transactional
    public Created create(long accountId, String name, ApiTokenScope scope) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (account_id, name, scope, token_hash, prefix, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(accountId, name.strip(), scope.code(), TokenHash.of(secret), secret.substring(0, 10),
                        AccountStore.utc(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Created(find(accountId, id).orElseThrow(), secret);
    }

    public List<ApiToken> list(long accountId) {
        return jdbc.sql("SELECT * FROM api_token WHERE account_id = ? ORDER BY id DESC").param(accountId)
                .query(ApiTokens::map).list();
    }

    /**
     * One page of an account's tokens, newest first; {@code query} matches part of the name, the prefix shown or
     * the scope ({@code read_only}, {@code full}), ignoring case (empty: every token).
     */
    public List<ApiToken> page(long accountId, String query, int offset, int limit) {
        String like = like(query);
        return jdbc.sql("SELECT * FROM api_token WHERE account_id = ? AND " + MATCH
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(accountId, like, like, like, limit, offset).query(ApiTokens::map).list();
    }

    /** How many of an account's tokens {@link #page} finds for {@code query}. */
    public long count(long accountId, String query) {
        String like = like(query);
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE account_id = ? AND " + MATCH)
                .params(accountId, like, like, like).query(Long.class).single();
    }

    private static final String MATCH = "(LOWER(name) LIKE ? OR LOWER(prefix) LIKE ? OR scope LIKE ?)";

    private static String like(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + q + "%";
    }

    public Optional<ApiToken> find(long accountId, long id) {
        return jdbc.sql("SELECT * FROM api_token WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(ApiTokens::map).optional();
    }

    /** @return whether a token of that account was active and is now revoked */
    public boolean revoke(long accountId, long id) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND id = ? AND revoked_at IS NULL")
                .params(AccountStore.utc(clock.instant()), accountId, id).update() == 1;
    }

    /** Looks a presented token up; notes its use (at most once a minute per token). */
    public Optional<Match> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() != PREFIX.length() + 43) {
            return Optional.empty();
        }
        var row = jdbc.sql("""
                SELECT id, account_id, scope, last_used_at FROM api_token
                WHERE token_hash = ? AND revoked_at IS NULL""")
                .param(TokenHash.of(presented))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), ApiTokenScope.parse(rs.getString(3)),
                        Optional.ofNullable(AccountStore.instant(rs, "last_used_at"))))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        Instant now = clock.instant();
        if (r.lastUsed().map(last -> last.plus(LAST_USED_STEP).isBefore(now)).orElse(true)) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(AccountStore.utc(now), r.id()).update();
        }
        return Optional.of(new Match(r.id(), r.accountId(), r.scope()));
    }

    private record Row(long id, long accountId, ApiTokenScope scope, Optional<Instant> lastUsed) {
    }


    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                ApiTokenScope.parse(rs.getString("scope")), rs.getString("prefix"),
                AccountStore.instant(rs, "created_at"),
                Optional.ofNullable(AccountStore.instant(rs, "last_used_at")),
                Optional.ofNullable(AccountStore.instant(rs, "revoked_at")));
    }
}
