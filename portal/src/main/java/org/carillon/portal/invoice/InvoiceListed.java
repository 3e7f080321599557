package org.carillon.portal.invoice;

import java.time.Instant;

/**
 * An invoice as the Invoice page lists it: only the columns its row shows, read by {@link InvoiceStore#page(long,
 * InvoiceSearch, int)} instead of the whole invoice (billing address, payment details and the rest are read when a
 * row's details or PDF are asked for), so a page of 20 rows costs the database and the JDBC driver a third of the
 * columns (issue 8, bench/portal).
 */
public record InvoiceListed(long id, long number, Instant issuedAt, String status, long totalMinor) {
    /** The columns {@link InvoiceStore} reads for it. */
    static final String COLUMNS = "id, invoice_number, issued_at, status, total_minor";

    /** {@code INV-000042}, as {@link Invoice#displayNumber()}. */
    public String displayNumber() {
        return Invoice.format(number);
    }
}
