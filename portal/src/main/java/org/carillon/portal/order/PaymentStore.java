package org.carillon.portal.order;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/** SQL for {@code payment}: the outcome of each charge, with brand and last four digits only. */
@Repository
public class PaymentStore {
    private final JdbcClient jdbc;

    public PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long orderId, String gateway, String outcome, String reference, String method,
                       String cardMasked, long amountMinor, Instant now) {
        jdbc.sql("""
                INSERT INTO payment (order_id, gateway, outcome, reference, method, card_masked, amount_minor,
                                     occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, gateway, outcome, reference, method, cardMasked, amountMinor, AccountStore.utc(now))
                .update();
    }
}
