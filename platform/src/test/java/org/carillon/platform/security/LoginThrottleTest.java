package org.carillon.platform.security;

import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(int times, String account, String source) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, source);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void fourFailuresCostNothing() {
        fail(4, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("a@x.io", "10.0.0.1").delay()).isZero();
    }

    @Test
    void fromTheFifthFailureEachAttemptWaitsLonger() {
        fail(5, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("a@x.io", "10.0.0.2").delay()).isEqualTo(Duration.ofSeconds(1));
        fail(1, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("a@x.io", "10.0.0.2").delay()).isEqualTo(Duration.ofSeconds(2));
        fail(3, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("a@x.io", "10.0.0.2").delay()).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theTenthFailureLocksTheAccountNameForFifteenMinutes() {
        fail(10, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("A@X.io", "192.0.2.9").locked()).isTrue();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.check("a@x.io", "192.0.2.9").locked()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("a@x.io", "192.0.2.9").locked()).isFalse();
    }

    @Test
    void failuresSpreadOverAccountsStillLockTheSourceAddress() {
        for (int i = 0; i < 10; i++) {
            fail(1, "user" + i + "@x.io", "198.51.100.7");
        }
        assertThat(throttle.check("fresh@x.io", "198.51.100.7").locked()).isTrue();
        assertThat(throttle.check("fresh@x.io", "198.51.100.8").locked()).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail(9, "a@x.io", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        fail(1, "a@x.io", "10.0.0.1");
        assertThat(throttle.check("a@x.io", "10.0.0.1").locked()).isFalse();
        assertThat(throttle.check("a@x.io", "10.0.0.1").delay()).isZero();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        fail(6, "a@x.io", "10.0.0.1");
        throttle.recordSuccess("a@x.io");
        assertThat(throttle.check("a@x.io", "10.0.0.9").delay()).isZero();
        assertThat(throttle.check("b@x.io", "10.0.0.1").delay()).isPositive();
    }
}
