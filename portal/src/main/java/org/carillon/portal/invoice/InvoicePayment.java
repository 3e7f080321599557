package org.carillon.portal.invoice;

import org.carillon.portal.money.MoneyFormat;
import org.carillon.portal.view.DateFormat;

/**
 * The payment details of one invoice, as its row's "details" button shows them (loaded on demand, issue 8).
 *
 * @param amount total with its currency ({@code EUR 1,234.56})
 * @param paid   moment of payment, UTC, to the minute
 */
public record InvoicePayment(String number, String paymentMethod, String cardMasked, String amount, String paid,
                             String paymentReference) {

    static InvoicePayment of(Invoice i, MoneyFormat money, DateFormat dates) {
        return new InvoicePayment(i.displayNumber(), i.paymentMethod(), i.cardMasked(), money.format(i.totalMinor()),
                dates.minute(i.paidAt()), i.paymentReference());
    }
}
