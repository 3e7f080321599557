package org.carillon.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * With Spring Security's observations switched off ({@code management.observations.enable.spring.security: false},
 * each app's application.yml), also leaves its filter chain undecorated: otherwise Spring Security still wraps each
 * of its ~15 filters in an observation per request, which then records nothing (issue 8: a quarter of the bytes
 * allocated per portal invoice list page). Neither app exports metrics or traces.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityObservations {

    @Bean
    @ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
