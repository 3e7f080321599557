package org.carillon.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Puts {@link RequestGate} in front of every other filter (security included), on the first dispatch of each request
 * only. {@code carillon.web.active-reads} (CARILLON_WEB_ACTIVE_READS): page reads worked on at once; 0 for no gate
 * (the platform's default; the portal sets 8: in two back-to-back pairs on a quieter machine it cut the closed-loop
 * p95 by 1.4-2.3x at the same throughput, bench/portal/README.md). {@code carillon.web.read-wait-ms}: the longest a
 * read waits for its turn (default 2000).
 */
@Configuration(proxyBeanMethods = false)
public class RequestGateConfiguration {

    @Bean
    public FilterRegistrationBean<RequestGate> requestGate(Environment environment) {
        int limit = environment.getProperty("carillon.web.active-reads", Integer.class, 0);
        long waitMs = environment.getProperty("carillon.web.read-wait-ms", Long.class, 2_000L);
        var registration = new FilterRegistrationBean<>(new RequestGate(Math.max(1, limit), Duration.ofMillis(waitMs)));
        registration.setEnabled(limit > 0);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("requestGate");
        return registration;
    }
}
