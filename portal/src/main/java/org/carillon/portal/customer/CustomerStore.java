package org.carillon.portal.customer;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQL for {@code customer}. Searching matches company name or user ID, case-insensitively. */
@Repository
public class CustomerStore {
    private final JdbcClient jdbc;

    public CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String companyName, String userId, PartnerTier tier, BigDecimal discountPercent,
                       BigDecimal taxPercent, String country, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer (company_name, user_id, partner_tier, discount_percent, tax_percent, country,
                                      created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(companyName, userId, tier.code(), discountPercent, taxPercent, country, AccountStore.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String companyName, PartnerTier tier, BigDecimal discountPercent,
                       BigDecimal taxPercent, String country) {
        jdbc.sql("""
                UPDATE customer SET company_name = ?, partner_tier = ?, discount_percent = ?, tax_percent = ?,
                                    country = ? WHERE id = ?""")
                .params(companyName, tier.code(), discountPercent, taxPercent, country, id).update();
    }

    public Optional<Customer> find(long id) {
        return jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id).query(CustomerStore::map).optional();
    }

    public boolean userIdTaken(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    public List<Customer> page(String search, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM customer WHERE LOWER(company_name) LIKE ? OR LOWER(user_id) LIKE ?
                ORDER BY company_name, id LIMIT ? OFFSET ?""")
                .params(like(search), like(search), limit, offset).query(CustomerStore::map).list();
    }

    public long count(String search) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE LOWER(company_name) LIKE ? OR LOWER(user_id) LIKE ?")
                .params(like(search), like(search)).query(Long.class).single();
    }

    static String like(String search) {
        String s = search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + s + "%";
    }

    private static Customer map(ResultSet rs, int n) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("company_name"), rs.getString("user_id"),
                PartnerTier.find(rs.getString("partner_tier")).orElse(PartnerTier.END_CUSTOMER),
                rs.getBigDecimal("discount_percent"), rs.getBigDecimal("tax_percent"), rs.getString("country"),
                AccountStore.instant(rs, "created_at"));
    }
}
