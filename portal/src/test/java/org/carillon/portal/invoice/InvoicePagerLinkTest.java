package org.carillon.portal.invoice;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice list's pager link, built by the controller since issue 8, is the one the template's link wrote. */
class InvoicePagerLinkTest {
    private static final String OLD_LINK =
            "<a th:href=\"@{/invoices(number=${number},from=${from},to=${to},amount=${amount},status=${status})}\"></a>";
    private static final String NEW_LINK = "<a th:href=\"${base}\"></a>";

    @Test
    void pagerBaseIsWhatThymeleafsLinkExpressionWroteForAnySearch() {
        var values = List.of("", "INV-000012", "2026-11-27", "a b&c=d", "ü€—", "#?/+%;", "<'\">", "paid", "x y");
        for (String contextPath : List.of("", "/portal")) {
            for (int i = 0; i < values.size(); i++) {
                String number = values.get(i);
                String from = values.get((i + 1) % values.size());
                String to = values.get((i + 2) % values.size());
                String amount = values.get((i + 3) % values.size());
                String status = values.get((i + 4) % values.size());
                String base = InvoiceController.pagerBase(contextPath + "/invoices", number, from, to, amount, status);
                assertThat(render(NEW_LINK, contextPath, number, from, to, amount, status, base))
                        .isEqualTo(render(OLD_LINK, contextPath, number, from, to, amount, status, base));
            }
        }
    }

    private static String render(String template, String contextPath, String number, String from, String to,
                                 String amount, String status, String base) {
        var engine = new SpringTemplateEngine();
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        var servletContext = new MockServletContext();
        servletContext.setContextPath(contextPath);
        var request = new MockHttpServletRequest(servletContext, "GET", contextPath + "/invoices");
        request.setContextPath(contextPath);
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        var context = new WebContext(exchange);
        context.setVariable("number", number);
        context.setVariable("from", from);
        context.setVariable("to", to);
        context.setVariable("amount", amount);
        context.setVariable("status", status);
        context.setVariable("base", base);
        return engine.process(template, context);
    }
}
