package org.carillon.portal;

import jakarta.servlet.Filter;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/** How the portal's Spring Security filter chain is assembled (issue 8), and what it believes of a proxy's headers. */
class SecurityFilterChainIT extends PortalContext {
    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;
    @Autowired
    ApplicationContext context;

    @Test
    void securityFiltersAreNotWrappedInObservationsThatRecordNothing() throws ReflectiveOperationException {
        // What Spring Security asks before wrapping each filter in an observation per request. In production the
        // registry has Boot's metrics handler and the answer decides (bench/portal: the wrapper's frames were in every
        // JFR stack until this setting); in this test context the registry is still handler-less when the chain is
        // built, so the chain below would be unwrapped either way and only the setting shows the change.
        SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthentications()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();

        // FilterChainProxy has no getter for its decorator; the field is the only place the choice is visible.
        assertThat(securityFilters).isInstanceOf(FilterChainProxy.class);
        var field = FilterChainProxy.class.getDeclaredField("filterChainDecorator");
        field.setAccessible(true);
        assertThat(field.get(securityFilters)).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void forwardingHeadersChangeNothingWhileNoProxyIsTrusted() {
        // CARILLON_WEB_TRUSTED_PROXIES is empty here (the default): even 127.0.0.2, a trusted proxy in PortalWebH2IT,
        // is taken for the client, and its X-Forwarded-Proto / -For are not believed.
        WebFoundationContract.assertForwardingHeadersIgnored(port, "127.0.0.2", accounts,
                context.getBean(PasswordEncoder.class), context.getBean(AuditLog.class), "staff");
    }
}
