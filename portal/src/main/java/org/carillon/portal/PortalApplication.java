package org.carillon.portal;

import org.carillon.platform.PlatformConfiguration;
import org.carillon.platform.settings.CarillonLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** The vendor's customer portal: licenses, purchases, invoices, accounts and sub-accounts. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class PortalApplication {

    public static void main(String[] args) {
        CarillonLauncher.run(PortalApplication.class, args);
    }

    /**
     * With Spring Security's observations switched off ({@code management.observations.enable.spring.security:
     * false}, application.yml), also leaves its filter chain undecorated: otherwise Spring Security still wraps each
     * of its ~15 filters in an observation per request, which then records nothing (issue 8: a quarter of the bytes
     * allocated per invoice list page).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
