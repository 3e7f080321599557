package org.carillon.portal.invoice;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRowTest {
    private static final SpringTemplateEngine ENGINE = engine();
    private static final InvoiceRows ROWS = new InvoiceRows(ENGINE);

    @Test
    void rowsAreWhatThymeleafWritesFromTheRowTemplateByteForByteWithItsEscaping() {
        var rows = List.of(new InvoiceRow(42, "INV-000042", "2026-11-27", "EUR 213.13", "paid", "pay-42"),
                new InvoiceRow(7, "INV-<7>", "2026-01-02", "EUR 1,000.00 & \"more\"", "it's <b>", "pay-7&'\""),
                new InvoiceRow(8, "zQslot2Qz", "", "—", "ü", "pay-8"));
        String url = "/portal & <co>/invoices";

        assertThat(ROWS.html(rows, url)).isEqualTo(thymeleaf(rows, url));
        assertThat(ROWS.html(List.of(), url)).isEmpty();
    }

    @Test
    void rowsCarryTheirDetailsButtonAndPdfLink() {
        String html = ROWS.html(List.of(new InvoiceRow(42, "INV-000042", "2026-11-27", "EUR 213.13", "paid",
                "pay-42")), "/portal/invoices");
        assertThat(html).startsWith("\n          <tr>\n").endsWith("</tr>\n        ")
                .contains("data-bs-target=\"#pay-42\"").contains("aria-controls=\"pay-42\"")
                .contains("hx-get=\"/portal/invoices/42/payment\"").contains("href=\"/portal/invoices/42/pdf\"")
                .contains("id=\"pay-42\"").contains(">INV-000042<").contains(">EUR 213.13<")
                .doesNotContain("zQslot").doesNotContain("th:");
    }

    private static String thymeleaf(List<InvoiceRow> rows, String url) {
        var context = new Context();
        context.setVariable("rows", rows.stream().map(r -> Map.of("url", url, "id", r.id(), "number", r.number(),
                "issued", r.issued(), "amount", r.amount(), "status", r.status(), "detailsId", r.detailsId()))
                .toList());
        return ENGINE.process(InvoiceRows.TEMPLATE, Set.of("row"), context);
    }

    private static SpringTemplateEngine engine() {
        var engine = new SpringTemplateEngine();
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
