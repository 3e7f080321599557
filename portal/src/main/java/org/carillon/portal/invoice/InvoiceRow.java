package org.carillon.portal.invoice;

import org.carillon.portal.money.MoneyFormat;
import org.carillon.portal.view.DateFormat;
import org.unbescape.html.HtmlEscape;

import java.util.List;

/**
 * One row of the Invoice page with its texts formatted in Java. The payment details are not part of a row: a row's
 * "details" button loads them ({@link InvoicePayment}).
 *
 * <p>The rows are written here as HTML rather than by a {@code th:each} in the template (issue 8): with seven
 * expressions per row and twenty rows a page, Thymeleaf's per-attribute processing and SpEL's per-expression state
 * were half of the page's rendering time and ~200 kB of garbage per page, for markup that never varies but for these
 * seven strings. The markup is the template's as it was, byte for byte, escaped as Thymeleaf escapes {@code th:text}
 * and attribute values ({@code HtmlEscape.escapeHtml4Xml}); {@code InvoiceRowTest} renders the old template fragment
 * with Thymeleaf and compares.
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
     * The table body rows of a page, each followed by its collapsed details row.
     *
     * @param invoicesUrl the list's URL with the context path ({@code /invoices}), as {@code @{/invoices}} writes it
     */
    static String html(List<InvoiceRow> rows, String invoicesUrl) {
        String url = HtmlEscape.escapeHtml4Xml(invoicesUrl);
        StringBuilder out = new StringBuilder(rows.size() * 900);
        for (InvoiceRow row : rows) {
            row.appendHtml(out, url);
        }
        return out.toString();
    }

    private void appendHtml(StringBuilder out, String url) {
        String details = HtmlEscape.escapeHtml4Xml(detailsId);
        out.append("\n          <tr>\n            <td><button class=\"btn btn-sm btn-link text-primary p-0 fs-5 "
                        + "text-decoration-none\" type=\"button\"\n                        data-bs-toggle=\"collapse\" "
                        + "data-bs-target=\"#").append(details)
                .append("\"\n                        aria-controls=\"").append(details)
                .append("\" aria-expanded=\"false\" aria-label=\"Payment details\"\n                        hx-get=\"")
                .append(url).append('/').append(id).append("/payment\" hx-trigger=\"click once\"\n"
                        + "                        hx-target=\"next tr\">&#x25B8;</button></td>\n            <td>")
                .append(HtmlEscape.escapeHtml4Xml(number)).append("</td>\n            <td>")
                .append(HtmlEscape.escapeHtml4Xml(issued)).append("</td>\n            <td class=\"text-end\">")
                .append(HtmlEscape.escapeHtml4Xml(amount))
                .append("</td>\n            <td><span class=\"badge text-bg-success\">")
                .append(HtmlEscape.escapeHtml4Xml(status))
                .append("</span></td>\n            <td><a class=\"btn btn-sm btn-outline-secondary\" href=\"")
                .append(url).append('/').append(id).append("/pdf\">PDF</a></td>\n          </tr>\n"
                        + "          <tr class=\"collapse\" id=\"").append(details)
                .append("\"><td></td><td colspan=\"5\" class=\"small\">Loading…</td></tr>\n        ");
    }
}
