package org.carillon.portal.customer;

import org.carillon.platform.account.AccountStore;
import org.carillon.portal.access.PortalRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for {@code customer_member} joined with the platform's {@code user_account}. Every lookup takes the customer id,
 * so a member of another customer is not found.
 */
@Repository
public class MemberStore {
    private static final String SELECT = """
            SELECT a.id, a.email, a.first_name, a.last_name, a.role, a.enabled, a.password_hash, m.customer_id,
                   m.phone, m.address_line, m.city, m.postal_code, m.country,
                   EXISTS (SELECT 1 FROM mfa_credential c WHERE c.account_id = a.id AND c.enabled) AS two_step
            FROM customer_member m JOIN user_account a ON a.id = m.account_id""";
    private final JdbcClient jdbc;

    public MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void link(long accountId, long customerId, Instant now) {
        jdbc.sql("INSERT INTO customer_member (account_id, customer_id, created_at) VALUES (?, ?, ?)")
                .params(accountId, customerId, AccountStore.utc(now)).update();
    }

    public Optional<Member> find(long customerId, long accountId) {
        return jdbc.sql(SELECT + " WHERE m.customer_id = ? AND m.account_id = ?").params(customerId, accountId)
                .query(MemberStore::map).optional();
    }

    public List<Member> page(long customerId, String search, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE m.customer_id = ? AND (LOWER(a.email) LIKE ? OR LOWER(a.first_name) LIKE ?
                       OR LOWER(a.last_name) LIKE ?)
                ORDER BY a.email LIMIT ? OFFSET ?""")
                .params(customerId, CustomerStore.like(search), CustomerStore.like(search), CustomerStore.like(search),
                        limit, offset)
                .query(MemberStore::map).list();
    }

    public long count(long customerId, String search) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer_member m JOIN user_account a ON a.id = m.account_id
                WHERE m.customer_id = ? AND (LOWER(a.email) LIKE ? OR LOWER(a.first_name) LIKE ?
                      OR LOWER(a.last_name) LIKE ?)""")
                .params(customerId, CustomerStore.like(search), CustomerStore.like(search), CustomerStore.like(search))
                .query(Long.class).single();
    }

    /** The customer's owner accounts (staff list them next to the company). */
    public List<Member> owners(long customerId) {
        return jdbc.sql(SELECT + " WHERE m.customer_id = ? AND a.role = 'owner' ORDER BY a.email").param(customerId)
                .query(MemberStore::map).list();
    }

    /** The editable personal details; names live in the platform's account row. */
    public void updateDetails(long customerId, long accountId, String firstName, String lastName, String phone,
                              String addressLine, String city, String postalCode, String country, Instant now) {
        int n = jdbc.sql("""
                UPDATE customer_member SET phone = ?, address_line = ?, city = ?, postal_code = ?, country = ?
                WHERE customer_id = ? AND account_id = ?""")
                .params(phone, addressLine, city, postalCode, country, customerId, accountId).update();
        if (n == 1) {
            jdbc.sql("UPDATE user_account SET first_name = ?, last_name = ?, updated_at = ? WHERE id = ?")
                    .params(firstName, lastName, AccountStore.utc(now), accountId).update();
        }
    }

    /** Changes a member's portal role (owners only, never to or from staff). */
    public void updateRole(long customerId, long accountId, PortalRole role, Instant now) {
        jdbc.sql("""
                UPDATE user_account SET role = ?, updated_at = ? WHERE id = ?
                AND id IN (SELECT account_id FROM customer_member WHERE customer_id = ?)""")
                .params(role.code(), AccountStore.utc(now), accountId, customerId).update();
    }

    private static Member map(ResultSet rs, int n) throws SQLException {
        String hash = rs.getString("password_hash");
        return new Member(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"),
                PortalRole.find(rs.getString("role")).orElse(PortalRole.VIEWER), rs.getBoolean("enabled"),
                hash != null && !hash.isEmpty(), rs.getString("phone"), rs.getString("address_line"),
                rs.getString("city"), rs.getString("postal_code"), rs.getString("country"),
                rs.getBoolean("two_step"));
    }
}
