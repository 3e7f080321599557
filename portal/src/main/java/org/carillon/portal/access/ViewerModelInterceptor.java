package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/**
 * Puts the viewer in the model of every page the portal's controllers render, as {@code me} (null when nobody is
 * signed in), so the layout can show only the menu entries they may use. It reaches what the controller advice it
 * replaces reached: views of handlers in the portal's packages that returned normally (an exception handler's view
 * never had it), not redirects (Spring drops the default model on a redirect), and not a value the controller set
 * itself. As a {@code @ModelAttribute} advice it cost every request a look-up of the applicable advice and a
 * reflective call (issue 8, bench/portal). The viewer is the request's cached one ({@link ViewerLookup#current}).
 */
final class ViewerModelInterceptor implements HandlerInterceptor {
    static final String ATTRIBUTE = "me";
    private static final String PORTAL_PACKAGE = "org.carillon.portal";

    private final ViewerLookup viewers;

    ViewerModelInterceptor(ViewerLookup viewers) {
        this.viewers = viewers;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !(handler instanceof HandlerMethod method)
                || !ClassUtils.getPackageName(method.getBeanType()).startsWith(PORTAL_PACKAGE)
                || redirect(page) || page.getModelMap().containsAttribute(ATTRIBUTE)) {
            return;
        }
        page.addObject(ATTRIBUTE, viewers.current(request).orElse(null));
    }

    private static boolean redirect(ModelAndView page) {
        String name = page.getViewName();
        return name != null ? name.startsWith("redirect:")
                : page.getView() instanceof SmartView view && view.isRedirectView();
    }
}
