package org.carillon.pbx.security;

import org.carillon.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed-authentication bans on the injected clock (default 10 failures in 5 minutes → 15 minutes). */
class SourceBansTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final SourceBans bans = new SourceBans(clock, new BanSettings(10, Duration.ofMinutes(5),
            Duration.ofMinutes(15)));
    private final InetAddress a = InetAddress.getLoopbackAddress();

    @Test
    void theTenthFailureWithinTheWindowBansForFifteenMinutes() throws Exception {
        for (int i = 1; i <= 9; i++) {
            assertThat(bans.recordFailure(a)).isFalse();
        }
        assertThat(bans.recordFailure(a)).isTrue();
        assertThat(bans.isBanned(a)).isTrue();
        assertThat(bans.isBanned(InetAddress.getByName("192.0.2.1"))).isFalse();
        assertThat(bans.bans()).singleElement().satisfies(b -> {
            assertThat(b.failures()).isEqualTo(10);
            assertThat(b.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        clock.advance(Duration.ofMinutes(15));
        assertThat(bans.isBanned(a)).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 9; i++) {
            bans.recordFailure(a);
        }
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(bans.recordFailure(a)).isFalse();
    }

    @Test
    void anAdminLiftsABanAndTestsResetEverything() {
        for (int i = 0; i < 10; i++) {
            bans.recordFailure(a);
        }
        assertThat(bans.lift(a)).isTrue();
        assertThat(bans.isBanned(a)).isFalse();
        for (int i = 0; i < 10; i++) {
            bans.recordFailure(a);
        }
        bans.reset();
        assertThat(bans.bans()).isEmpty();
    }

    @Test
    void idleEntriesArePurged() {
        bans.recordFailure(a);
        clock.advance(Duration.ofMinutes(6));
        bans.purge();
        for (int i = 0; i < 9; i++) {
            bans.recordFailure(a);
        }
        assertThat(bans.isBanned(a)).isFalse();
    }

    @Test
    void knownScannersAreRecognised() {
        assertThat(ScannerUserAgents.isScanner("friendly-scanner")).isTrue();
        assertThat(ScannerUserAgents.isScanner("SIPVicious 0.3")).isTrue();
        assertThat(ScannerUserAgents.isScanner("sipcli/v1.8")).isTrue();
        assertThat(ScannerUserAgents.isScanner("Yealink SIP-T46S 66.86.0.15")).isFalse();
        assertThat(ScannerUserAgents.isScanner("baresip v1.0.0 (x86_64/linux)")).isFalse();
    }
}
