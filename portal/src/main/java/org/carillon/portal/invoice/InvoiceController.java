package org.carillon.portal.invoice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.money.Money;
import org.carillon.portal.money.MoneyFormat;
import org.carillon.portal.paging.Page;
import org.carillon.portal.view.DateFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.unbescape.uri.UriEscape;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Invoice page: search, table, PDF download; a row's payment details are loaded when its "details" button is
 * opened ({@code GET /invoices/{id}/payment}, an htmx fragment), so the list renders only the rows themselves.
 */
@Controller
@Allowed(Permission.INVOICE)
public class InvoiceController {
    private final InvoiceService invoices;
    private final MoneyFormat money;
    private final DateFormat dates;
    private final InvoiceRows rowHtml;

    public InvoiceController(InvoiceService invoices, MoneyFormat money, DateFormat dates, InvoiceRows rowHtml) {
        this.invoices = invoices;
        this.money = money;
        this.dates = dates;
        this.rowHtml = rowHtml;
    }

    @GetMapping("/invoices")
    public String list(Viewer me, @RequestParam(defaultValue = "") String number,
                       @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                       @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String status,
                       @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        InvoiceSearch search = new InvoiceSearch(number(number, errors), date(from, "from", errors),
                date(to, "to", errors), amount(amount, errors),
                status.isBlank() ? Optional.empty() : Optional.of(status.trim()));
        Page<InvoiceListed> found = invoices.page(me.customer(), search, page);
        String invoicesUrl = request.getContextPath() + "/invoices";
        List<InvoiceRow> rows = found.items().stream().map(i -> InvoiceRow.of(i, money, dates)).toList();
        model.addAttribute("page", new Page<>(rows, found.number(), found.size(), found.total()));
        model.addAttribute("rows", rowHtml.html(rows, invoicesUrl));
        // Each field's message (or null) as its own model value, and the pager's link built here: the page's eight
        // look-ups in an error map were SpEL method calls, and the pager's link five expressions and a link build on
        // every view (issue 8, bench/portal). The HTML is the same (InvoicePagerLinkTest, InvoiceIT).
        model.addAttribute("numberError", errors.get("number"));
        model.addAttribute("fromError", errors.get("from"));
        model.addAttribute("toError", errors.get("to"));
        model.addAttribute("amountError", errors.get("amount"));
        model.addAttribute("pagerBase", response.encodeURL(pagerBase(invoicesUrl, number, from, to, amount, status)));
        model.addAttribute("number", number);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("amount", amount);
        model.addAttribute("status", status);
        model.addAttribute("active", "invoices");
        return "portal/invoice/list";
    }

    /** The payment details of one of the viewer's invoices, as a fragment; another customer's invoice is a 404. */
    @GetMapping("/invoices/{id}/payment")
    public String payment(Viewer me, @PathVariable long id, Model model) {
        model.addAttribute("payment", InvoicePayment.of(invoices.require(me.customer(), id), money, dates));
        return "portal/invoice/payment :: details";
    }

    @GetMapping("/invoices/{id}/pdf")
    public ResponseEntity<byte[]> pdf(Viewer me, @PathVariable long id) {
        Invoice invoice = invoices.require(me.customer(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(invoice.displayNumber() + ".pdf").build().toString())
                .body(InvoicePdf.render(invoice));
    }

    /**
     * The list's URL with the search as query parameters, as the template's
     * {@code @{/invoices(number=${number},from=${from},to=${to},amount=${amount},status=${status})}} wrote it before
     * the container's {@code encodeURL}: each value escaped as Thymeleaf escapes a query parameter.
     */
    static String pagerBase(String invoicesUrl, String number, String from, String to, String amount, String status) {
        return invoicesUrl + "?number=" + UriEscape.escapeUriQueryParam(number)
                + "&from=" + UriEscape.escapeUriQueryParam(from) + "&to=" + UriEscape.escapeUriQueryParam(to)
                + "&amount=" + UriEscape.escapeUriQueryParam(amount)
                + "&status=" + UriEscape.escapeUriQueryParam(status);
    }

    private static Optional<Long> number(String text, Map<String, String> errors) {
        if (text.isBlank()) {    // the list without a search: no parsing on every page view (issue 8)
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replaceFirst("^INV-?", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            errors.put("number", "Enter an invoice number such as INV-000012.");
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD.");
            return Optional.empty();
        }
    }

    private static Optional<Long> amount(String text, Map<String, String> errors) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(text));
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put("amount", "Enter an amount such as 199.00.");
            return Optional.empty();
        }
    }
}
