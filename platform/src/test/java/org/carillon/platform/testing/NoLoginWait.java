package org.carillon.platform.testing;

import org.carillon.platform.security.ThrottlingAuthenticationProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Replaces the login throttle's wait with a recorder, so throttling tests never sleep. */
@TestConfiguration(proxyBeanMethods = false)
public class NoLoginWait {
    /** Every delay the throttle asked for. */
    public static final List<Duration> DELAYS = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    public ThrottlingAuthenticationProvider.Waiter recordingLoginWaiter() {
        return DELAYS::add;
    }
}
