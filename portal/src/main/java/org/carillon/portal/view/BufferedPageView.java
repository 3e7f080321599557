package org.carillon.portal.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.spring6.view.ThymeleafView;

import java.util.HashMap;
import java.util.Map;

/**
 * Thymeleaf's view, rendering into a {@link PageBuffer} sized from this template's previous page and writing the page
 * to the response once (issue 8, bench/portal). Thymeleaf's own buffered mode
 * ({@code produce-partial-output-while-processing: false}) renders into a writer that starts at 1,024 characters and
 * doubles up to the ~30,000 of the invoice list, switches from Latin-1 to UTF-16 at the first other character (the
 * pages' dashes and ellipses), then copies the whole into a {@code String}: ~135 kB copied per invoice page. Here a
 * page of the usual size is rendered into one array and written from it.
 *
 * <p>One instance per template (the resolver caches views), shared by concurrent requests: the size is a hint read
 * and written without locking; a stale or lost update only costs a resize.
 */
public class BufferedPageView extends ThymeleafView {
    /** Smallest buffer: the sign-in page and the small forms fit. */
    static final int MIN_CHARS = 8 * 1024;
    /** Largest size remembered, so one unusually large page does not make every later one allocate as much. */
    static final int MAX_HINT_CHARS = 256 * 1024;

    private volatile int lastChars = MIN_CHARS;
    /** The application's menu cache, looked up on this view's first page (views are created by the resolver). */
    private MenuCache menus;

    /**
     * Always "partial output": Thymeleaf then writes to the response's writer, which {@link #render} replaces with the
     * page buffer; the real response is written only after the template has rendered without error.
     */
    @Override
    public boolean getProducePartialOutputWhileProcessing() {
        return true;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        int hint = lastChars;
        PageBuffer page = new PageBuffer(response, hint + hint / 8);
        super.render(withMenu(model, request, response), request, page);
        lastChars = Math.clamp(page.length(), MIN_CHARS, MAX_HINT_CHARS);
        page.writeTo(response);
    }

    /**
     * A full page of the portal's (one whose model has the viewer, {@code me}) gets its side menu from the
     * {@link MenuCache}; fragments (a view name with {@code ::}, such as the menu itself) do not.
     */
    private Map<String, ?> withMenu(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (getTemplateName().contains("::") || getMarkupSelector() != null || model == null
                || !model.containsKey("me")) {
            return model;
        }
        if (menus == null) {
            menus = getApplicationContext().getBean(MenuCache.class);
        }
        Map<String, Object> page = new HashMap<>(model);
        page.put(MenuCache.ATTRIBUTE, menus.menu(model, request, response));
        return page;
    }

    /** The size the next page of this template starts with (for tests). */
    int nextInitialChars() {
        int hint = lastChars;
        return hint + hint / 8;
    }
}
