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
 * only. {@code carillon.web.active-reads} (CARILLON_WEB_ACTIVE_READS): page reads worked on at once; 0 (the default)
 * for no gate. Off by default because on the shared 2-core bench machine it has not yet been shown to tighten the
 * portal's closed-loop latency (bench/portal/README.md, 2026-11-27 portal3): it is there to be measured on a quiet
 * machine with one jar. {@code carillon.web.read-wait-ms}: the longest a read waits for its turn (default 2000).
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
