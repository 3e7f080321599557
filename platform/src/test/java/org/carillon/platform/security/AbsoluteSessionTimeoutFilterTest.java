package org.carillon.platform.security;

import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteSessionTimeoutFilterTest {
    // the filter's clock runs a day ahead of the container's, as a test clock may
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
    private final AbsoluteSessionTimeoutFilter filter = new AbsoluteSessionTimeoutFilter(clock);

    @Test
    void aVisitorsSessionIsNotEndedByTheLimitSoTheSignInFormKeepsItsCsrfToken() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        visitor.setAttribute("csrf", "token");
        run(visitor);
        assertThat(visitor.isInvalid()).isFalse();
    }

    @Test
    void aSessionEndsEightHoursAfterItsSignInOnTheFiltersClock() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignInTime.ATTRIBUTE, clock.millis());
        clock.advance(AbsoluteSessionTimeoutFilter.ABSOLUTE);
        run(session);
        assertThat(session.isInvalid()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        run(session);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aSignedInSessionWithoutAStampCountsFromItsCreation() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl());
        run(session);
        assertThat(session.isInvalid()).isTrue();   // created "now" on the container's clock, a day behind
    }

    private void run(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
