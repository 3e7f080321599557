package org.carillon.portal;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/** How the portal's Spring Security filter chain is assembled (issue 8). */
class SecurityFilterChainIT extends PortalContext {
    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    @Test
    void securityFiltersAreNotWrappedInObservationsThatRecordNothing() throws ReflectiveOperationException {
        // FilterChainProxy has no getter for its decorator; the field is the only place the choice is visible
        // (a wrapped chain answers pages the same, only slower).
        assertThat(securityFilters).isInstanceOf(FilterChainProxy.class);
        var field = FilterChainProxy.class.getDeclaredField("filterChainDecorator");
        field.setAccessible(true);
        assertThat(field.get(securityFilters)).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
