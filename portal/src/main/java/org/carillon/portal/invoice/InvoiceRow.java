package org.carillon.portal.invoice;

import org.carillon.portal.money.MoneyFormat;
import org.carillon.portal.view.DateFormat;

import java.util.Map;

/**
 * One row of the Invoice page with its texts formatted in Java: each {@code @money.format(…)} or {@code @dates.…(…)}
 * in the template was a bean lookup plus a reflective call with argument conversion, for every row (issue 8). The
 * payment details are not part of a row: a row's "details" button loads them ({@link InvoicePayment}).
 *
 * @param issued    day of issue, UTC ({@code 2026-11-27})
 * @param amount    total with its currency ({@code EUR 1,234.56})
 * @param detailsId the id of the row's details element ({@code pay-42}), which the button controls
 */
public record InvoiceRow(long id, String number, String issued, String amount, String status, String detailsId) {

    static InvoiceRow of(Invoice i, MoneyFormat money, DateFormat dates) {
        return new InvoiceRow(i.id(), i.displayNumber(), dates.day(i.issuedAt()), money.format(i.totalMinor()),
                i.status(), "pay-" + i.id());
    }

    /**
     * The row as the template reads it: a map of finished strings, links included. Reading a map entry
     * ({@code ${i.number}}) is SpEL's map accessor; reading a record component or a getter goes through Thymeleaf's
     * member-access checks and Spring's reflective accessor on every read, which cost twice as much time and
     * allocation (bench/portal, issue 8: nine reads per row, twenty rows a page).
     *
     * @param invoicesUrl the list's URL with the context path ({@code /invoices}), as {@code @{/invoices}} writes it
     */
    Map<String, String> view(String invoicesUrl) {
        String url = invoicesUrl + "/" + id;
        return Map.of("number", number, "issued", issued, "amount", amount, "status", status, "detailsId", detailsId,
                "detailsTarget", "#" + detailsId, "paymentUrl", url + "/payment", "pdfUrl", url + "/pdf");
    }
}
