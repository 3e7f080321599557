package org.carillon.portal.view;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BufferedPageViewTest {
    private final MockServletContext servletContext = new MockServletContext();
    private SpringTemplateEngine engine;

    @BeforeEach
    void engine() {
        engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
    }

    private BufferedPageView view(String template) {
        GenericWebApplicationContext context = new GenericWebApplicationContext(servletContext);
        context.refresh();
        servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        SpringTemplateEngine templates = engine;
        BufferedPageView view = new BufferedPageView() {
            {
                setTemplateEngine(templates);   // protected: the resolver sets these in the application
                setLocale(Locale.ROOT);
            }
        };
        view.setApplicationContext(context);
        view.setServletContext(servletContext);
        view.setTemplateName(template);
        view.setCharacterEncoding("UTF-8");
        view.setContentType("text/html;charset=UTF-8");
        return view;
    }

    private MockHttpServletResponse render(BufferedPageView view, Map<String, ?> model) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.render(model, new MockHttpServletRequest(servletContext), response);
        return response;
    }

    @Test
    void thePageReachesTheResponseWholeIncludingCharactersBeyondLatin1() throws Exception {
        String text = "a — b … ▸ & <".repeat(2_000);   // past the first buffer's size: the buffer grows
        MockHttpServletResponse response = render(view("<p th:text=\"${t}\">x</p>"), Map.of("t", text));

        assertThat(response.getContentAsString())
                .isEqualTo("<p>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</p>");
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentLength()).as("sent with its length, not chunked")
                .isEqualTo(("<p>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</p>")
                        .getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aPageRenderedIntoAnotherPageBufferStaysInThatBuffer() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        PageBuffer outer = new PageBuffer(response, 16);   // as MenuCache renders the menu for a page

        view("<p th:text=\"${t}\">x</p>").render(Map.of("t", "a — b"), new MockHttpServletRequest(servletContext),
                outer);

        assertThat(outer.text()).isEqualTo("<p>a — b</p>");
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.isCommitted()).isFalse();
    }

    @Test
    void aResponseWhoseWriterIsInUseGetsThePageThroughItsWriter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCharacterEncoding("UTF-8");
        // as when an error page follows a handler that wrote: the container refuses the stream once the writer is used
        HttpServletResponse writerInUse = new HttpServletResponseWrapper(response) {
            @Override
            public ServletOutputStream getOutputStream() {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
        };

        view("<p th:text=\"${t}\">x</p>").render(Map.of("t", "a — b"), new MockHttpServletRequest(servletContext),
                writerInUse);

        assertThat(response.getContentAsString()).isEqualTo("<p>a — b</p>");
    }

    @Test
    void aTemplateErrorLeavesTheResponseUncommittedAndEmpty() {
        BufferedPageView view = view("<p>before</p><p th:text=\"${t.missing()}\">x</p>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> view.render(Map.of("t", "s"), new MockHttpServletRequest(servletContext), response))
                .isInstanceOf(TemplateProcessingException.class);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void theNextPageStartsWithRoomForThePreviousOne() throws Exception {
        BufferedPageView view = view("<p th:text=\"${t}\">x</p>");
        assertThat(view.nextInitialChars()).isLessThan(30_000);

        render(view, Map.of("t", "x".repeat(30_000)));
        assertThat(view.nextInitialChars()).isGreaterThanOrEqualTo(30_007);

        render(view, Map.of("t", "x".repeat(10_000_000)));
        assertThat(view.nextInitialChars()).as("one huge page is not remembered in full")
                .isLessThanOrEqualTo(BufferedPageView.MAX_HINT_CHARS * 2);
    }
}
