package org.carillon.media.leg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.carillon.media.time.ManualMediaScheduler;
import org.junit.jupiter.api.Test;

class NoRtpWatchdogTest {

    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicInteger events = new AtomicInteger();

    private void flow(Duration d) {
        for (long t = 0; t < d.toMillis(); t += 20) {
            packets.incrementAndGet();
            clock.advance(Duration.ofMillis(20));
        }
    }

    @Test
    void firesOnceAfterTheTimeoutOfSilence() {
        try (var dog = new NoRtpWatchdog(clock, 30_000, packets::get, events::incrementAndGet)) {
            flow(Duration.ofSeconds(10));
            clock.advance(Duration.ofSeconds(29));
            assertThat(events).hasValue(0);
            clock.advance(Duration.ofSeconds(9));
            assertThat(events).hasValue(1);
            assertThat(dog.fired()).isTrue();
            clock.advance(Duration.ofMinutes(5));
            assertThat(events).hasValue(1);
        }
    }

    @Test
    void staysQuietWhilePacketsFlow() {
        try (var dog = new NoRtpWatchdog(clock, 1_000, packets::get, events::incrementAndGet)) {
            flow(Duration.ofSeconds(20));
            assertThat(events).hasValue(0);
        }
    }

    @Test
    void pausedDuringHoldAndReArmedOnResume() {
        try (var dog = new NoRtpWatchdog(clock, 1_000, packets::get, events::incrementAndGet)) {
            dog.pause();
            clock.advance(Duration.ofSeconds(60));
            assertThat(events).hasValue(0);
            dog.resume();
            clock.advance(Duration.ofMillis(900));
            assertThat(events).hasValue(0);
            clock.advance(Duration.ofMillis(600));
            assertThat(events).hasValue(1);
            dog.resume();
            clock.advance(Duration.ofSeconds(2));
            assertThat(events).hasValue(2);
        }
    }

    @Test
    void closingCancelsTheTimer() {
        var dog = new NoRtpWatchdog(clock, 1_000, packets::get, events::incrementAndGet);
        dog.close();
        clock.advance(Duration.ofSeconds(10));
        assertThat(events).hasValue(0);
        assertThat(clock.pendingTasks()).isZero();
    }
}
