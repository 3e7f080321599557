package org.carillon.pbx.access;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.security.FailClosedAccessInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Enforces {@link Allowed} on every handler of the PBX: no annotation means nobody may call it (fail closed); a
 * user whose role lacks the permission gets 403 (Spring Security's access-denied answer: the error page, or a problem
 * document under {@code /api}). The role is read from the account on each request, never from the session, so a
 * demotion takes effect at once rather than at the next sign-in ({@link CurrentRole}, which the side menu reads too).
 */
@Configuration(proxyBeanMethods = false)
public class AccessInterceptor extends FailClosedAccessInterceptor<Allowed> implements WebMvcConfigurer {
    private final CurrentRole roles;

    public AccessInterceptor(CurrentRole roles) {
        super("org.carillon.pbx.", Allowed.class, List.of());
        this.roles = roles;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    protected boolean grants(HttpServletRequest request, Allowed required) {
        return roles.of(request).map(required.value()::grants).orElse(false);
    }

    @Override
    protected RuntimeException refusal() {
        return new AccessDeniedException("forbidden");
    }
}
