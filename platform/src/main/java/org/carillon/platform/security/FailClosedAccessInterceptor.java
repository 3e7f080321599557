package org.carillon.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;

/**
 * The shape both apps give their permission check: every handler of the application's own controllers must declare
 * the permission it needs with the app's annotation {@code A} (on the method, or on its class for every method). A
 * handler without one is refused — fail closed — so a new endpoint stays shut until someone decides who may use it.
 * The platform's own handlers (sign-in, password, sessions) are outside the app package and not checked here.
 *
 * <p>Threads: called on the request's thread; subclasses keep no per-request state in fields.
 *
 * @param <A> the app's permission annotation
 */
public abstract class FailClosedAccessInterceptor<A extends Annotation> implements HandlerInterceptor {
    private final String appPackage;
    private final Class<A> annotation;
    private final List<Class<? extends Annotation>> exempt;

    /**
     * @param appPackage the package prefix of the handlers to check, e.g. {@code org.carillon.pbx.}
     * @param annotation the annotation that names a handler's permission
     * @param exempt     annotations that mark a handler as deliberately open to a check of its own (machine
     *                   endpoints authenticated by what the request carries)
     */
    protected FailClosedAccessInterceptor(String appPackage, Class<A> annotation,
                                          List<Class<? extends Annotation>> exempt) {
        this.appPackage = appPackage;
        this.annotation = annotation;
        this.exempt = List.copyOf(exempt);
    }

    /** The permission annotation of a handler: on the method, else on its class. */
    public static <T extends Annotation> Optional<T> declared(HandlerMethod method, Class<T> type) {
        T found = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        if (found == null) {
            found = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
        }
        return Optional.ofNullable(found);
    }

    /** @throws RuntimeException the subclass's refusal when the handler declares nothing or its check fails */
    @Override
    public final boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(appPackage)) {
            return true;
        }
        for (Class<? extends Annotation> open : exempt) {
            if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), open)
                    || AnnotatedElementUtils.hasAnnotation(method.getMethod(), open)) {
                return true;
            }
        }
        A required = declared(method, annotation).orElseThrow(this::refusal);
        if (!grants(request, required)) {
            throw refusal();
        }
        return true;
    }

    /** Whether the signed-in user of {@code request} holds the permission {@code required} names. */
    protected abstract boolean grants(HttpServletRequest request, A required);

    /** The exception that answers a refused request (the app maps it to 403). */
    protected abstract RuntimeException refusal();
}
