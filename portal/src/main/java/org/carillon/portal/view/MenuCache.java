package org.carillon.portal.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.access.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layout's side menu, rendered once per role, active page and context path (issue 8, bench/portal).
 * The menu's five permission checks, eleven conditions on the active page and up to eleven link builds were the same
 * on every view for the same viewer role; its markup stays in the template ({@code portal/shell :: menu}), rendered by
 * Thymeleaf on the first page of each combination, and the shell inlines the result ({@code ${portalMenu}}).
 *
 * <p>Only what the key names may decide the menu's markup: the viewer's role (every permission is a function of it),
 * the model's {@code active}, and the request's context path. The mailbox setting ({@code localMail}) is fixed for
 * the application (a static variable of the view resolver, platform's {@code AppViewVariables}), so it needs no key. Links are never rewritten with a
 * session id (Spring Security's {@code DisableEncodeUrlFilter}); a response that would rewrite them is not cached from.
 */
@Component
public class MenuCache {
    /** The model variable the shell inlines. */
    public static final String ATTRIBUTE = "portalMenu";
    /** The template fragment rendered once per key. */
    static final String FRAGMENT = "portal/shell :: menu";
    /** Keys kept at most (six roles times some twelve pages in practice); beyond it menus are rendered per page. */
    static final int MAX_ENTRIES = 512;
    private static final String PROBE = "/";

    private final ObjectProvider<ThymeleafViewResolver> resolvers;
    private final Map<Key, String> menus = new ConcurrentHashMap<>();

    public MenuCache(ObjectProvider<ThymeleafViewResolver> resolvers) {
        this.resolvers = resolvers;
    }

    /** The menu's HTML for this page's model and request, rendered by Thymeleaf the first time its key is seen. */
    String menu(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Key key = new Key(model.get("me") instanceof Viewer me ? me.role() : null, model.get("active"),
                request.getContextPath());
        String menu = menus.get(key);
        if (menu == null) {
            menu = render(model, request, response);
            if (menus.size() < MAX_ENTRIES && PROBE.equals(response.encodeURL(PROBE))) {
                menus.putIfAbsent(key, menu);
            }
        }
        return menu;
    }

    private String render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        View view = resolvers.getObject().resolveViewName(FRAGMENT, Locale.ROOT);
        if (view == null) {
            throw new IllegalStateException("no view for " + FRAGMENT);
        }
        PageBuffer menu = new PageBuffer(response, BufferedPageView.MIN_CHARS);
        view.render(model, request, menu);
        return menu.text();
    }

    /** Number of menus kept (for tests). */
    int size() {
        return menus.size();
    }

    private record Key(PortalRole role, Object active, String contextPath) {
    }
}
