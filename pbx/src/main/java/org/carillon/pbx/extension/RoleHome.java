package org.carillon.pbx.extension;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * Users who are neither Owner nor Manager start on their own page (SPEC §5): the start page {@code /} sends them
 * to {@code /profile}. The admin pages themselves refuse them server-side (their {@code @Allowed} permission, checked by the
 * fail-closed access interceptor).
 */
@Configuration(proxyBeanMethods = false)
public class RoleHome implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OWNER")
                || a.getAuthority().equals("ROLE_MANAGER"));
        if (admin) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/profile");
        return false;
    }
}
