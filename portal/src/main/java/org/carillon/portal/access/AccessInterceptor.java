package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link Allowed} on every handler of the portal's own controllers: no annotation means nobody may call it
 * (fail closed); a signed-in user whose role lacks the permission gets 403. Staff reaching a customer-scoped handler
 * get 404 through {@link Viewer#customer()}, not here.
 */
public final class AccessInterceptor implements HandlerInterceptor {
    private static final String PORTAL_PACKAGE = "org.carillon.portal.";
    private final ViewerLookup viewers;

    public AccessInterceptor(ViewerLookup viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(PORTAL_PACKAGE)) {
            return true;
        }
        if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), MachineEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(method.getMethod(), MachineEndpoint.class)) {
            return true;
        }
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        }
        if (allowed == null) {
            throw new ForbiddenException();
        }
        Viewer viewer = viewers.current(request).orElseThrow(ForbiddenException::new);
        if (!viewer.can(allowed.value())) {
            throw new ForbiddenException();
        }
        return true;
    }
}
