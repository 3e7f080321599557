package org.carillon.portal.invoice;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRowTest {
    /** The invoice list's rows as the template wrote them with {@code th:each} before issue 8's last change. */
    private static final String TEMPLATE_ROWS = """
            <tbody>
                    <th:block th:each="i : ${rows}">
                      <tr>
                        <td><button class="btn btn-sm btn-link text-primary p-0 fs-5 text-decoration-none" type="button"
                                    data-bs-toggle="collapse" th:data-bs-target="${i.detailsTarget}"
                                    th:aria-controls="${i.detailsId}" aria-expanded="false" aria-label="Payment details"
                                    th:hx-get="${i.paymentUrl}" hx-trigger="click once"
                                    hx-target="next tr">&#x25B8;</button></td>
                        <td th:text="${i.number}">INV-000001</td>
                        <td th:text="${i.issued}">2026-01-01</td>
                        <td class="text-end" th:text="${i.amount}">EUR 1.00</td>
                        <td><span class="badge text-bg-success" th:text="${i.status}">paid</span></td>
                        <td><a class="btn btn-sm btn-outline-secondary" th:href="${i.pdfUrl}">PDF</a></td>
                      </tr>
                      <tr class="collapse" th:id="${i.detailsId}"><td></td><td colspan="5" class="small">Loading…</td></tr>
                    </th:block>
                    </tbody>""";

    @Test
    void rowsAreTheMarkupTheTemplateWroteByteForByteWithItsEscaping() {
        var rows = List.of(new InvoiceRow(42, "INV-000042", "2026-11-27", "EUR 213.13", "paid", "pay-42"),
                new InvoiceRow(7, "INV-<7>", "2026-01-02", "EUR 1,000.00 & \"more\"", "it's <b>", "pay-7&'\""));
        String url = "/portal/invoices";

        assertThat("<tbody>\n        " + InvoiceRow.html(rows, url) + "\n        </tbody>").isEqualTo(thymeleaf(rows, url));
        assertThat(InvoiceRow.html(List.of(), url)).isEmpty();
    }

    @Test
    void rowsCarryTheirDetailsButtonAndPdfLink() {
        String html = InvoiceRow.html(List.of(new InvoiceRow(42, "INV-000042", "2026-11-27", "EUR 213.13", "paid",
                "pay-42")), "/portal/invoices");
        assertThat(html).contains("data-bs-target=\"#pay-42\"").contains("aria-controls=\"pay-42\"")
                .contains("hx-get=\"/portal/invoices/42/payment\"").contains("href=\"/portal/invoices/42/pdf\"")
                .contains("id=\"pay-42\"").contains(">INV-000042<").contains(">EUR 213.13<");
    }

    private static String thymeleaf(List<InvoiceRow> rows, String url) {
        var engine = new SpringTemplateEngine();
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        var context = new Context();
        context.setVariable("rows", rows.stream().map(r -> Map.of("number", r.number(), "issued", r.issued(),
                "amount", r.amount(), "status", r.status(), "detailsId", r.detailsId(),
                "detailsTarget", "#" + r.detailsId(), "paymentUrl", url + "/" + r.id() + "/payment",
                "pdfUrl", url + "/" + r.id() + "/pdf")).toList());
        return engine.process(TEMPLATE_ROWS, context);
    }
}
