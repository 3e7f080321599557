package org.carillon.pbx.extension;

import org.carillon.pbx.access.Role;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SQL for {@code extension} joined with its user's {@code user_account}. Every query names the tenant.
 */
@Repository
public class ExtensionStore {
    private static final String SELECT = """
            SELECT e.id, e.tenant_id, e.number, e.account_id, a.email, e.first_name, e.last_name, e.mobile, a.role,
                   e.sip_username, e.created_at
            FROM extension e JOIN user_account a ON a.id = e.account_id
            """;
    private final JdbcClient jdbc;

    public ExtensionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row with the sealed password, for the credential directory. */
    public record SealedCredentials(long extensionId, long tenantId, String number, String username, String sealed) {
    }

    public long insert(long tenantId, String number, long accountId, String firstName, String lastName, String mobile,
                       String username, String sealedPassword, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO extension (tenant_id, number, number_value, account_id, first_name, last_name, mobile,
                                       sip_username, sip_password_enc, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, number, Long.parseLong(number), accountId, firstName, lastName, mobile, username,
                        sealedPassword, AccountStore.utc(now), AccountStore.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Extension> find(long tenantId, String number) {
        return jdbc.sql(SELECT + " WHERE e.tenant_id = ? AND e.number = ?").params(tenantId, number)
                .query(ExtensionStore::map).optional();
    }

    public Optional<Extension> findById(long tenantId, long id) {
        return jdbc.sql(SELECT + " WHERE e.tenant_id = ? AND e.id = ?").params(tenantId, id)
                .query(ExtensionStore::map).optional();
    }

    public Optional<Extension> findByAccount(long tenantId, long accountId) {
        return jdbc.sql(SELECT + " WHERE e.tenant_id = ? AND e.account_id = ?").params(tenantId, accountId)
                .query(ExtensionStore::map).optional();
    }

    /** One page ordered by number; {@code query} matches number, email or names (case-insensitive, substring). */
    public List<Extension> page(long tenantId, String query, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE e.tenant_id = ? AND " + MATCH + " ORDER BY e.number_value LIMIT ? OFFSET ?")
                .params(tenantId, like(query), like(query), like(query), like(query), limit, offset)
                .query(ExtensionStore::map).list();
    }

    public long count(long tenantId, String query) {
        return jdbc.sql("SELECT COUNT(*) FROM extension e JOIN user_account a ON a.id = e.account_id"
                        + " WHERE e.tenant_id = ? AND " + MATCH)
                .params(tenantId, like(query), like(query), like(query), like(query)).query(Long.class).single();
    }

    private static final String MATCH = """
            (e.number LIKE ? OR a.email LIKE ? OR LOWER(e.first_name) LIKE ? OR LOWER(e.last_name) LIKE ?)""";

    private static String like(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + q + "%";
    }

    /**
     * One page of the team directory: {@code query} matches part of the number or of "first last" (ignoring case);
     * with {@code only} present just those numbers; the numbers in {@code first} (a user's favourites) come first,
     * then by number.
     */
    public List<Extension> directoryPage(long tenantId, String query, Optional<Set<String>> only, Set<String> first,
                                         int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = directoryWhere(tenantId, query, only, params);
        String order = first.isEmpty() ? "" : "CASE WHEN e.number IN (" + marks(first.size()) + ") THEN 0 ELSE 1 END, ";
        params.addAll(first);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " ORDER BY " + order + "e.number LIMIT ? OFFSET ?").params(params)
                .query(ExtensionStore::map).list();
    }

    /** How many extensions {@link #directoryPage} finds for these filters. */
    public long directoryCount(long tenantId, String query, Optional<Set<String>> only) {
        List<Object> params = new ArrayList<>();
        String where = directoryWhere(tenantId, query, only, params);
        return jdbc.sql("SELECT COUNT(*) FROM extension e JOIN user_account a ON a.id = e.account_id" + where)
                .params(params).query(Long.class).single();
    }

    private static String directoryWhere(long tenantId, String query, Optional<Set<String>> only,
                                         List<Object> params) {
        params.add(tenantId);
        params.add(like(query));
        params.add(like(query));
        String where = " WHERE e.tenant_id = ? AND (e.number LIKE ? OR LOWER(e.first_name || ' ' || e.last_name) LIKE ?)";
        if (only.isPresent()) {
            if (only.get().isEmpty()) {
                return where + " AND 1 = 0";
            }
            params.addAll(only.get());
            where += " AND e.number IN (" + marks(only.get().size()) + ")";
        }
        return where;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Extensions of every tenant (the license counts them all). */
    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM extension").query(Long.class).single();
    }

    /** The highest number in use within [low, high], if any. */
    public OptionalLong highestIn(long tenantId, long low, long high) {
        Long max = jdbc.sql("SELECT MAX(number_value) FROM extension WHERE tenant_id = ? AND number_value BETWEEN ? AND ?")
                .params(tenantId, low, high).query(Long.class).optional().orElse(null);
        return max == null ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** Every number in use within [low, high], ascending (only read when the top of the range is taken). */
    public List<Long> numbersIn(long tenantId, long low, long high) {
        return jdbc.sql("SELECT number_value FROM extension WHERE tenant_id = ? AND number_value BETWEEN ? AND ?"
                        + " ORDER BY number_value").params(tenantId, low, high).query(Long.class).list();
    }

    public boolean numberTaken(long tenantId, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM extension WHERE tenant_id = ? AND number = ?").params(tenantId, number)
                .query(Long.class).single() > 0;
    }

    public void updateProfile(long tenantId, long id, String firstName, String lastName, String mobile, Instant now) {
        jdbc.sql("UPDATE extension SET first_name = ?, last_name = ?, mobile = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(firstName, lastName, mobile, AccountStore.utc(now), tenantId, id).update();
    }

    /** The user's login: email, role and the names shown in the header, on the platform's account row. */
    public void updateAccount(long accountId, String email, Role role, String firstName, String lastName, Instant now) {
        jdbc.sql("UPDATE user_account SET email = ?, role = ?, first_name = ?, last_name = ?, updated_at = ? WHERE id = ?")
                .params(AccountStore.normalise(email), role.wire(), firstName, lastName, AccountStore.utc(now), accountId)
                .update();
    }

    /** Enabled Owner logins other than {@code accountId} (first-start Owner included, extension or not). */
    public long countEnabledOwnersExcept(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE role = 'owner' AND enabled = TRUE AND id <> ?")
                .param(accountId).query(Long.class).single();
    }

    public void updateCredentials(long tenantId, long id, String username, String sealedPassword, Instant now) {
        jdbc.sql("UPDATE extension SET sip_username = ?, sip_password_enc = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(username, sealedPassword, AccountStore.utc(now), tenantId, id).update();
    }

    public String sealedPassword(long tenantId, long id) {
        return jdbc.sql("SELECT sip_password_enc FROM extension WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(String.class).single();
    }

    /** Deletes the extension (its bindings cascade) and then its user's login. */
    public void delete(long tenantId, long id, long accountId) {
        jdbc.sql("DELETE FROM extension WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
        jdbc.sql("DELETE FROM user_account WHERE id = ?").param(accountId).update();
    }

    /** Every extension's sealed credentials, for loading the directory at start. */
    public List<SealedCredentials> allSealed() {
        return jdbc.sql("SELECT id, tenant_id, number, sip_username, sip_password_enc FROM extension")
                .query((rs, n) -> new SealedCredentials(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    static Extension map(ResultSet rs, int row) throws SQLException {
        return new Extension(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("number"),
                rs.getLong("account_id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("mobile"),
                Role.find(rs.getString("role")).orElse(Role.AGENT), rs.getString("sip_username"),
                AccountStore.instant(rs, "created_at"));
    }
}
