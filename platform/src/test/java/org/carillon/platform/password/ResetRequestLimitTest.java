package org.carillon.platform.password;

import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ResetRequestLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ResetRequestLimit limit = new ResetRequestLimit(clock);

    @Test
    void anEmailIsMailedThreeTimesPerWindowFromAnySource() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.request("Ann@Example.com", "10.0.0." + i)).isEqualTo(ResetRequestLimit.Verdict.SEND);
        }
        assertThat(limit.request(" ann@example.com", "10.0.0.9")).isEqualTo(ResetRequestLimit.Verdict.ANSWER_ONLY);
        assertThat(limit.request("bob@example.com", "10.0.0.9")).isEqualTo(ResetRequestLimit.Verdict.SEND);
        clock.advance(Duration.ofMinutes(15));
        assertThat(limit.request("ann@example.com", "10.0.0.9")).isEqualTo(ResetRequestLimit.Verdict.SEND);
    }

    @Test
    void aSourceIsRefusedAfterTenRequestsUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            assertThat(limit.request("u" + i + "@example.com", "10.0.0.1")).isEqualTo(ResetRequestLimit.Verdict.SEND);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(limit.request("u10@example.com", "10.0.0.1")).isEqualTo(ResetRequestLimit.Verdict.REFUSE);
        assertThat(limit.request("u10@example.com", "10.0.0.2")).isEqualTo(ResetRequestLimit.Verdict.SEND);
        clock.advance(Duration.ofMinutes(15).minusSeconds(100));
        assertThat(limit.request("u11@example.com", "10.0.0.1")).isEqualTo(ResetRequestLimit.Verdict.SEND);
    }
}
