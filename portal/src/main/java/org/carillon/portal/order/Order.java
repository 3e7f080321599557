package org.carillon.portal.order;

import java.time.Instant;
import java.util.List;

/** An order (a cart until checkout) of one customer, with its lines and their sums. */
public record Order(long id, long customerId, OrderStatus status, long createdBy, String billingName,
                    String billingAddress, String billingEmail, String failureReason, Instant createdAt,
                    Instant updatedAt, List<OrderLine> lines) {

    public long listMinor() {
        return lines.stream().mapToLong(l -> l.amounts().listMinor()).sum();
    }

    public long discountMinor() {
        return lines.stream().mapToLong(l -> l.amounts().discountMinor()).sum();
    }

    public long taxMinor() {
        return lines.stream().mapToLong(l -> l.amounts().taxMinor()).sum();
    }

    public long totalMinor() {
        return lines.stream().mapToLong(l -> l.amounts().totalMinor()).sum();
    }

    /** A reference shown to people and sent to the payment gateway. */
    public String reference() {
        return "ORD-" + id;
    }
}
