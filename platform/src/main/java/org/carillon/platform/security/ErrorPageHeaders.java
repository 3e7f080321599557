package org.carillon.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The security headers on error pages whose request never passed Spring Security's header writer: a request its
 * firewall rejects (a {@code ;} or an encoded slash in the path) or one the servlet container refuses itself (TRACE)
 * is answered by an error dispatch alone, which Spring Security's filters skip. This filter runs on error dispatches
 * only and adds each header the response does not have yet, with the same values as the filter chains
 * ({@link SecurityConfiguration#CONTENT_SECURITY_POLICY}), so no error page can be framed, sniffed or leak a referrer.
 *
 * <p>Threads: stateless.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorPageHeaders {

    @Bean
    public FilterRegistrationBean<HeaderFilter> errorPageHeaderFilter() {
        var registration = new FilterRegistrationBean<>(new HeaderFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("errorPageHeaders");
        return registration;
    }

    /** Adds the missing headers, then lets the error page render. */
    public static final class HeaderFilter extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            setIfAbsent(response, "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
            setIfAbsent(response, "X-Content-Type-Options", "nosniff");
            setIfAbsent(response, "X-Frame-Options", "DENY");
            setIfAbsent(response, "Referrer-Policy", "same-origin");
            setIfAbsent(response, "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            if (request.isSecure()) {
                setIfAbsent(response, "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
            }
            chain.doFilter(request, response);
        }

        private static void setIfAbsent(HttpServletResponse response, String name, String value) {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        }
    }
}
