package org.carillon.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.web.ConditionalOnEnabledResourceChain;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Registers {@link StaticLinkEncodingFilter} in place of the {@link ResourceUrlEncodingFilter} that Boot's Thymeleaf
 * auto-configuration adds when the resource chain is on (it backs off when an application defines one), with the same
 * dispatcher types.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEnabledResourceChain
public class StaticLinkConfiguration {

    @Bean
    public FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new StaticLinkEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
