package org.carillon.pbx.call;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Call ids are version-7 UUIDs: unique, and later calls sort after earlier ones (the history's key appends). */
class CallIdsTest {

    @Test
    void anIdIsAVersionSevenUuidCarryingItsMillisecond() {
        UUID id = CallIds.of(0x0123_4567_89ABL, -1L, -1L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith("01234567-89ab-7fff-bfff-").hasSize(36);
        assertThat(UUID.fromString(CallIds.next(Clock.systemUTC())).version()).isEqualTo(7);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 1000; ms++) {
            ids.add(CallIds.of(ms, Long.MAX_VALUE - ms, ms).toString()); // random bits falling as time rises
        }
        assertThat(ids).isSorted();
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(CallIds.next(Clock.systemUTC()))).isTrue();
        }
    }

    @Test
    void anIdCarriesTheMillisecondOfTheInjectedClock() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0123_4567_89ABL), ZoneOffset.UTC);
        assertThat(CallIds.next(clock)).startsWith("01234567-89ab-7");
        assertThat(CallIds.next(clock)).isNotEqualTo(CallIds.next(clock)).startsWith("01234567-89ab-7");
    }
}
