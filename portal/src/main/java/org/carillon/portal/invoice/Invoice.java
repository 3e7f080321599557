package org.carillon.portal.invoice;

import java.time.Instant;
import java.util.List;

/**
 * An issued invoice. Immutable: nothing in the portal updates or deletes an invoice or its lines; a correction
 * would be a new (credit) invoice with its own number.
 *
 * @param number gap-free, from {@code invoice_counter}
 */
public record Invoice(long id, long number, long customerId, long orderId, Instant issuedAt, String status,
                      String currency, long subtotalMinor, long discountMinor, long taxMinor, long totalMinor,
                      String companyName, String billingName, String billingAddress, String paymentMethod,
                      String cardMasked, String paymentReference, Instant paidAt, List<InvoiceDraft.Line> lines) {

    /** {@code INV-000042}. */
    public String displayNumber() {
        return format(number);
    }

    public static String format(long number) {
        if (number < 0) {    // never a number the counter gives; kept as the formatter wrote it
            return String.format(java.util.Locale.ROOT, "INV-%06d", number);
        }
        // By hand rather than String.format: the invoice list formats every row's number (issue 8).
        String digits = Long.toString(number);
        return digits.length() >= 6 ? "INV-" + digits : "INV-" + "000000".substring(digits.length()) + digits;
    }
}
