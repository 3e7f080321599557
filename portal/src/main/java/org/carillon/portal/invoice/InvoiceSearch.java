package org.carillon.portal.invoice;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The invoice list's filters; each is optional. Dates are UTC days, inclusive.
 *
 * @param amountMinor an exact total
 */
public record InvoiceSearch(Optional<Long> number, Optional<LocalDate> from, Optional<LocalDate> to,
                            Optional<Long> amountMinor, Optional<String> status) {

    public static InvoiceSearch none() {
        return new InvoiceSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
