package org.carillon.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.platform.security.SecurityConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Bounds JSON request bodies ({@code carillon.web.max-json-bytes}, default 1 MiB), in front of every other filter so
 * that no one, signed in or not (the portal's activation endpoint is open), can make the server buffer a huge body:
 * Jackson holds a whole string field in memory. A body announced larger answers 413 as a problem document before it
 * is read; a chunked body is cut at the limit while it is read, which the API reports as unreadable (400). Form posts
 * are bounded by the servlet container ({@code server.tomcat.max-http-form-post-size}), uploads by the multipart
 * settings and the endpoints that take audio.
 *
 * <p>Threads: stateless; each request gets its own counting stream.
 */
@Configuration(proxyBeanMethods = false)
public class JsonBodyLimit {
    static final long DEFAULT_MAX = 1024 * 1024;

    @Bean
    public FilterRegistrationBean<LimitFilter> jsonBodyLimitFilter(Environment environment) {
        long max = environment.getProperty("carillon.web.max-json-bytes", Long.class, DEFAULT_MAX);
        var registration = new FilterRegistrationBean<>(new LimitFilter(max));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // after the read gate, before security
        registration.setName("jsonBodyLimit");
        return registration;
    }

    /** The filter; public for the registration's type. */
    public static final class LimitFilter extends OncePerRequestFilter {
        private final long max;

        LimitFilter(long max) {
            this.max = max;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > max) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("application/problem+json");
                response.setHeader("Connection", "close");
                // Answered before the security filters: their headers are set here.
                response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "same-origin");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"A JSON body may be at most " + max + " bytes.\"}");
                return;
            }
            chain.doFilter(new Bounded(request, max), response);
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("JSON body longer than " + max + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
