package org.carillon.portal.invoice;

import org.carillon.platform.account.AccountStore;
import org.carillon.portal.paging.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for {@code invoice}, {@code invoice_line} and {@code invoice_counter}. Insert-only for invoices: there is
 * deliberately no update or delete. Reads are scoped by the customer id.
 */
@Repository
public class InvoiceStore {
    private final JdbcClient jdbc;

    public InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the next invoice number: locks the single counter row until the caller's transaction ends, so numbers
     * are handed out one at a time and a rolled-back payment gives its number back (no gaps, no duplicates).
     */
    public long nextNumber() {
        long last = jdbc.sql("SELECT last_number FROM invoice_counter WHERE id = 1 FOR UPDATE").query(Long.class)
                .single();
        jdbc.sql("UPDATE invoice_counter SET last_number = ? WHERE id = 1").param(last + 1).update();
        return last + 1;
    }

    public long insert(long number, InvoiceDraft d, long subtotal, long discount, long tax, long total,
                       java.time.Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO invoice (invoice_number, customer_id, order_id, issued_at, status, currency, subtotal_minor,
                                     discount_minor, tax_minor, total_minor, company_name, billing_name,
                                     billing_address, payment_method, card_masked, payment_reference, paid_at)
                VALUES (?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, d.customerId(), d.orderId(), AccountStore.utc(now), d.currency(), subtotal, discount,
                        tax, total, d.companyName(), d.billingName(), d.billingAddress(), d.paymentMethod(),
                        d.cardMasked(), d.paymentReference(), AccountStore.utc(d.paidAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // exact because the caller holds the invoice_counter row lock (nextNumber): inserts are serialised
        if (jdbc.sql("UPDATE customer_invoice_count SET invoices = invoices + 1 WHERE customer_id = ?")
                .param(d.customerId()).update() == 0) {
            jdbc.sql("INSERT INTO customer_invoice_count (customer_id, invoices) VALUES (?, 1)").param(d.customerId())
                    .update();
        }
        for (InvoiceDraft.Line l : d.lines()) {
            jdbc.sql("""
                    INSERT INTO invoice_line (invoice_id, description, list_minor, discount_minor, tax_minor, total_minor)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, l.description(), l.listMinor(), l.discountMinor(), l.taxMinor(), l.totalMinor())
                    .update();
        }
        return id;
    }

    public Optional<Invoice> find(long customerId, long id) {
        return jdbc.sql("SELECT * FROM invoice WHERE customer_id = ? AND id = ?").params(customerId, id)
                .query((rs, n) -> map(rs, lines(id))).optional();
    }

    public Optional<Invoice> findByOrder(long customerId, long orderId) {
        return jdbc.sql("SELECT id FROM invoice WHERE customer_id = ? AND order_id = ?").params(customerId, orderId)
                .query(Long.class).optional().flatMap(id -> find(customerId, id));
    }

    /**
     * One page of the list and how many invoices match, with only the listed columns ({@link InvoiceListed}). Without
     * a search (the list as it opens) the count kept per customer is read in the page's own statement, one round trip
     * instead of two on every view (issue 8); when that page is empty (past the end, or no invoices) or a search is
     * given, the count is its own statement.
     */
    public Page<InvoiceListed> page(long customerId, InvoiceSearch search, int number) {
        int offset = Page.offset(number);
        if (!search.equals(InvoiceSearch.none())) {
            List<Object> params = new ArrayList<>();
            String where = where(customerId, search, params);
            params.add(Page.SIZE);
            params.add(offset);
            List<InvoiceListed> rows = jdbc.sql("SELECT " + InvoiceListed.COLUMNS + " FROM invoice " + where
                            + " ORDER BY invoice_number DESC LIMIT ? OFFSET ?")
                    .params(params).query((rs, n) -> listed(rs)).list();
            return new Page<>(rows, Math.max(1, number), Page.SIZE, count(customerId, search));
        }
        long[] counted = {-1};
        List<InvoiceListed> rows = jdbc.sql("SELECT " + InvoiceListed.COLUMNS + """
                        , (SELECT invoices FROM customer_invoice_count WHERE customer_id = ?) AS matching
                        FROM invoice WHERE customer_id = ? ORDER BY invoice_number DESC LIMIT ? OFFSET ?""")
                .params(customerId, customerId, Page.SIZE, offset).query((rs, n) -> {
                    long matching = rs.getLong("matching");
                    counted[0] = rs.wasNull() ? -1 : matching;
                    return listed(rs);
                }).list();
        long total = rows.isEmpty() || counted[0] < 0 ? count(customerId, search) : counted[0];
        return new Page<>(rows, Math.max(1, number), Page.SIZE, total);
    }

    private static InvoiceListed listed(ResultSet rs) throws SQLException {
        return new InvoiceListed(rs.getLong("id"), rs.getLong("invoice_number"), AccountStore.instant(rs, "issued_at"),
                rs.getString("status"), rs.getLong("total_minor"));
    }

    public long count(long customerId, InvoiceSearch search) {
        if (search.equals(InvoiceSearch.none())) {
            return jdbc.sql("SELECT invoices FROM customer_invoice_count WHERE customer_id = ?").param(customerId)
                    .query(Long.class).optional().orElse(0L);
        }
        List<Object> params = new ArrayList<>();
        String where = where(customerId, search, params);
        return jdbc.sql("SELECT COUNT(*) FROM invoice " + where).params(params).query(Long.class).single();
    }

    /** All issued numbers in order (tests check they run 1, 2, 3… without gaps). */
    public List<Long> allNumbers() {
        return jdbc.sql("SELECT invoice_number FROM invoice ORDER BY invoice_number").query(Long.class).list();
    }

    private static String where(long customerId, InvoiceSearch s, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE customer_id = ?");
        params.add(customerId);
        s.number().ifPresent(n -> {
            sql.append(" AND invoice_number = ?");
            params.add(n);
        });
        s.from().ifPresent(d -> {
            sql.append(" AND issued_at >= ?");
            params.add(d.atStartOfDay().atOffset(ZoneOffset.UTC));
        });
        s.to().ifPresent(d -> {
            sql.append(" AND issued_at < ?");
            params.add(d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        });
        s.amountMinor().ifPresent(a -> {
            sql.append(" AND total_minor = ?");
            params.add(a);
        });
        s.status().ifPresent(st -> {
            sql.append(" AND status = ?");
            params.add(st);
        });
        return sql.toString();
    }

    private List<InvoiceDraft.Line> lines(long invoiceId) {
        return jdbc.sql("SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY id").param(invoiceId)
                .query((rs, n) -> new InvoiceDraft.Line(rs.getString("description"), rs.getLong("list_minor"),
                        rs.getLong("discount_minor"), rs.getLong("tax_minor"), rs.getLong("total_minor")))
                .list();
    }

    private static Invoice map(ResultSet rs, List<InvoiceDraft.Line> lines) throws SQLException {
        return new Invoice(rs.getLong("id"), rs.getLong("invoice_number"), rs.getLong("customer_id"),
                rs.getLong("order_id"), AccountStore.instant(rs, "issued_at"), rs.getString("status"),
                rs.getString("currency"), rs.getLong("subtotal_minor"), rs.getLong("discount_minor"),
                rs.getLong("tax_minor"), rs.getLong("total_minor"), rs.getString("company_name"),
                rs.getString("billing_name"), rs.getString("billing_address"), rs.getString("payment_method"),
                rs.getString("card_masked"), rs.getString("payment_reference"), AccountStore.instant(rs, "paid_at"),
                lines);
    }
}
