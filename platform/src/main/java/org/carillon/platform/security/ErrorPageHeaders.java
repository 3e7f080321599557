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
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The security headers on error pages whose request never passed Spring Security's header writer: a request its
 * firewall rejects (a {@code ;} or an encoded slash in the path) or one the servlet container refuses itself (TRACE)
 * is answered by an error dispatch alone, which Spring Security's filters skip. This filter runs on error dispatches
 * only and has Spring Security's header writers, set as the filter chains set them, add each header the response
 * does not have yet ({@link SecurityConfiguration#CONTENT_SECURITY_POLICY},
 * {@link SecurityConfiguration#REFERRER_POLICY}), so no error page can be framed, sniffed or leak a referrer.
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
        // Spring Security's own writers, set as SecurityConfiguration sets them (the defaults: nosniff, the cache
        // headers, HSTS on HTTPS); each writes its header only when the response has none yet
        private static final List<HeaderWriter> WRITERS = List.of(
                new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY),
                new XContentTypeOptionsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(SecurityConfiguration.REFERRER_POLICY),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter());

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            WRITERS.forEach(w -> w.writeHeaders(request, response));
            chain.doFilter(request, response);
        }
    }
}
