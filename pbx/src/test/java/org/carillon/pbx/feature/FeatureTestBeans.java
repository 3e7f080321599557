package org.carillon.pbx.feature;

import org.carillon.platform.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.Map;

/**
 * Test beans of the feature contexts: the fake clock every feature IT moves by hand (expiry, bans, keep-alive)
 * instead of sleeping, and a cheap Argon2id (the feature tests sign in with HTTP Basic on every request; the OWASP
 * parameters themselves are checked by the foundation contract in {@code PbxWebH2IT}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FeatureTestBeans {
    /** Real time at class load: licenses and the clock floor see a plausible "now"; tests only move it forward. */
    public static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    public PasswordEncoder cheapPasswordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 256, 1)));
    }
}
