package org.carillon.portal.invoice;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.unbescape.html.HtmlEscape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Writes the invoice list's table rows from the template {@code portal/invoice/row} without running Thymeleaf per row
 * (issue 8, bench/portal: the {@code th:each} with seven expressions per row was half of the page's rendering time).
 * The template is rendered once, with a marker in each row variable; the text between the markers is kept, and a page's
 * rows are those pieces with each row's values in place of the markers, escaped as Thymeleaf escapes text and
 * attribute values ({@code HtmlEscape.escapeHtml4Xml}, which escapes character by character, so a marker joined to a
 * literal in the template escapes the same). The markup lives only in the template; {@code InvoiceRowTest} renders the
 * template with Thymeleaf for awkward values and compares.
 */
@Component
public class InvoiceRows {
    static final String TEMPLATE = "portal/invoice/row";
    /** The row variables, in slot order. */
    private static final List<String> VARIABLES = List.of("url", "id", "number", "issued", "amount", "status",
            "detailsId");
    private static final Pattern MARKER = Pattern.compile("zQslot(\\d+)Qz");

    /** The template's text between markers; {@code slots[k]} is the variable between {@code pieces[k]} and the next. */
    private final String[] pieces;
    private final int[] slots;
    private final int fixedChars;

    public InvoiceRows(ITemplateEngine engine) {
        Context context = new Context();
        Map<String, Object> markers = new LinkedHashMap<>();
        for (int k = 0; k < VARIABLES.size(); k++) {
            markers.put(VARIABLES.get(k), "zQslot" + k + "Qz");
        }
        context.setVariable("rows", List.of(markers));
        String html = engine.process(TEMPLATE, Set.of("row"), context);
        List<String> text = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        Matcher m = MARKER.matcher(html);
        int from = 0;
        while (m.find()) {
            text.add(html.substring(from, m.start()));
            slotList.add(Integer.parseInt(m.group(1)));
            from = m.end();
        }
        text.add(html.substring(from));
        if (!slotList.containsAll(IntStream.range(0, VARIABLES.size()).boxed().toList())) {
            throw new IllegalStateException(TEMPLATE + " does not use every row variable " + VARIABLES);
        }
        this.pieces = text.toArray(String[]::new);
        this.slots = slotList.stream().mapToInt(Integer::intValue).toArray();
        this.fixedChars = text.stream().mapToInt(String::length).sum();
    }

    /**
     * The table body rows of a page, each followed by its collapsed details row.
     *
     * @param invoicesUrl the list's URL with the context path ({@code /invoices}), as {@code @{/invoices}} writes it
     */
    String html(List<InvoiceRow> rows, String invoicesUrl) {
        String url = HtmlEscape.escapeHtml4Xml(invoicesUrl);
        StringBuilder out = new StringBuilder(rows.size() * (fixedChars + 128));
        String[] values = new String[VARIABLES.size()];
        for (InvoiceRow row : rows) {
            values[0] = url;
            values[1] = Long.toString(row.id());
            values[2] = HtmlEscape.escapeHtml4Xml(row.number());
            values[3] = HtmlEscape.escapeHtml4Xml(row.issued());
            values[4] = HtmlEscape.escapeHtml4Xml(row.amount());
            values[5] = HtmlEscape.escapeHtml4Xml(row.status());
            values[6] = HtmlEscape.escapeHtml4Xml(row.detailsId());
            for (int k = 0; k < slots.length; k++) {
                out.append(pieces[k]).append(values[slots[k]]);
            }
            out.append(pieces[slots.length]);
        }
        return out.toString();
    }
}
