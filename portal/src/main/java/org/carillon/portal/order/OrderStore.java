package org.carillon.portal.order;

import org.carillon.portal.money.Money;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code purchase_order} and {@code order_line}; every read and change is scoped by the customer id. */
@Repository
public class OrderStore {
    private final JdbcClient jdbc;

    public OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> findCartId(long customerId) {
        return jdbc.sql("SELECT id FROM purchase_order WHERE customer_id = ? AND status = 'CART' ORDER BY id LIMIT 1")
                .param(customerId).query(Long.class).optional();
    }

    public long createCart(long customerId, long accountId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO purchase_order (customer_id, status, created_by, currency, created_at, updated_at)
                VALUES (?, 'CART', ?, ?, ?, ?)""")
                .params(customerId, accountId, Money.CURRENCY, AccountStore.utc(now), AccountStore.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void addLine(long orderId, LineKind kind, String editionCode, int extensions, int years,
                        Optional<Long> licenseId, String description, Money.LineAmounts a) {
        jdbc.sql("""
                INSERT INTO order_line (order_id, kind, edition_code, extensions, years, license_id, description,
                                        list_minor, discount_percent, discount_minor, tax_percent, tax_minor,
                                        total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, kind.code(), editionCode, extensions, years, licenseId.orElse(null), description,
                        a.listMinor(), a.discountPercent(), a.discountMinor(), a.taxPercent(), a.taxMinor(),
                        a.totalMinor())
                .update();
    }

    /** Removes a line from the customer's cart; lines of orders past CART never change. */
    public boolean removeCartLine(long customerId, long lineId) {
        return jdbc.sql("""
                DELETE FROM order_line WHERE id = ? AND order_id IN
                    (SELECT id FROM purchase_order WHERE customer_id = ? AND status = 'CART')""")
                .params(lineId, customerId).update() == 1;
    }

    public Optional<Order> find(long customerId, long id) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE customer_id = ? AND id = ?").params(customerId, id)
                .query((rs, n) -> map(rs, lines(id))).optional();
    }

    /** Locks the order row for the rest of the transaction (the paying step re-reads it under the lock). */
    public Optional<OrderStatus> lockStatus(long customerId, long id) {
        return jdbc.sql("SELECT status FROM purchase_order WHERE customer_id = ? AND id = ? FOR UPDATE")
                .params(customerId, id).query((rs, n) -> OrderStatus.valueOf(rs.getString(1))).optional();
    }

    /**
     * Moves an order from one state to the next, only if it is still in {@code from}: the compare-and-set that makes
     * a double-clicked Pay charge once.
     *
     * @return whether this call made the transition
     */
    public boolean transition(long customerId, long id, OrderStatus from, OrderStatus to, Instant now) {
        if (!from.next().contains(to)) {
            throw new IllegalStateException(from + " cannot become " + to);
        }
        return jdbc.sql("""
                UPDATE purchase_order SET status = ?, updated_at = ? WHERE customer_id = ? AND id = ? AND status = ?""")
                .params(to.name(), AccountStore.utc(now), customerId, id, from.name()).update() == 1;
    }

    public void setBilling(long customerId, long id, String name, String address, String email) {
        jdbc.sql("""
                UPDATE purchase_order SET billing_name = ?, billing_address = ?, billing_email = ?
                WHERE customer_id = ? AND id = ? AND status = 'CART'""")
                .params(name, address, email, customerId, id).update();
    }

    public void setFailureReason(long id, String reason) {
        jdbc.sql("UPDATE purchase_order SET failure_reason = ? WHERE id = ?").params(reason, id).update();
    }

    /** The customer's orders past the cart, newest first. */
    public List<Order> history(long customerId, int limit) {
        return jdbc.sql("""
                SELECT * FROM purchase_order WHERE customer_id = ? AND status <> 'CART' ORDER BY id DESC LIMIT ?""")
                .params(customerId, limit).query((rs, n) -> map(rs, List.of())).list();
    }

    private List<OrderLine> lines(long orderId) {
        return jdbc.sql("SELECT * FROM order_line WHERE order_id = ? ORDER BY id").param(orderId)
                .query(OrderStore::line).list();
    }

    private static Order map(ResultSet rs, List<OrderLine> lines) throws SQLException {
        return new Order(rs.getLong("id"), rs.getLong("customer_id"), OrderStatus.valueOf(rs.getString("status")),
                rs.getLong("created_by"), rs.getString("billing_name"), rs.getString("billing_address"),
                rs.getString("billing_email"), rs.getString("failure_reason"), AccountStore.instant(rs, "created_at"),
                AccountStore.instant(rs, "updated_at"), lines);
    }

    private static OrderLine line(ResultSet rs, int n) throws SQLException {
        long license = rs.getLong("license_id");
        Optional<Long> licenseId = rs.wasNull() ? Optional.empty() : Optional.of(license);
        return new OrderLine(rs.getLong("id"), rs.getLong("order_id"), LineKind.find(rs.getString("kind")).orElseThrow(),
                rs.getString("edition_code"), rs.getInt("extensions"), rs.getInt("years"), licenseId,
                rs.getString("description"),
                new Money.LineAmounts(rs.getLong("list_minor"), rs.getBigDecimal("discount_percent"),
                        rs.getLong("discount_minor"), rs.getBigDecimal("tax_percent"), rs.getLong("tax_minor"),
                        rs.getLong("total_minor")));
    }
}
