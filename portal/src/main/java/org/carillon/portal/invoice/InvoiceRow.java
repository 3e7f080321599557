package org.carillon.portal.invoice;

import org.carillon.portal.money.MoneyFormat;
import org.carillon.portal.view.DateFormat;

/**
 * One row of the Invoice page with its texts formatted in Java. The payment details are not part of a row: a row's
 * "details" button loads them ({@link InvoicePayment}).
 *
 * <p>The page's rows are written by {@link InvoiceRows} from the template {@code portal/invoice/row}, without a
 * {@code th:each} per page (issue 8).
 *
 * @param issued    day of issue, UTC ({@code 2026-11-27})
 * @param amount    total with its currency ({@code EUR 1,234.56})
 * @param detailsId the id of the row's details element ({@code pay-42}), which the button controls
 */
public record InvoiceRow(long id, String number, String issued, String amount, String status, String detailsId) {

    static InvoiceRow of(InvoiceListed i, MoneyFormat money, DateFormat dates) {
        return new InvoiceRow(i.id(), i.displayNumber(), dates.day(i.issuedAt()), money.format(i.totalMinor()),
                i.status(), "pay-" + i.id());
    }
}
