package org.carillon.portal.invoice;

import java.time.Instant;
import java.util.List;

/** What a paid order hands to {@link InvoiceService#issue}: the order's snapshotted lines and the payment. */
public record InvoiceDraft(long customerId, long orderId, String companyName, String billingName,
                           String billingAddress, String currency, List<Line> lines, String paymentMethod,
                           String cardMasked, String paymentReference, Instant paidAt) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
    }

    /** One invoice line; amounts in minor units. */
    public record Line(String description, long listMinor, long discountMinor, long taxMinor, long totalMinor) {
    }
}
