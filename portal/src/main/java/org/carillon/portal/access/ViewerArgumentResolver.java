package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets handlers take a {@link Viewer} parameter. */
public final class ViewerArgumentResolver implements HandlerMethodArgumentResolver {
    private final ViewerLookup viewers;

    public ViewerArgumentResolver(ViewerLookup viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        return viewers.current(request.getNativeRequest(HttpServletRequest.class)).orElseThrow(ForbiddenException::new);
    }
}
