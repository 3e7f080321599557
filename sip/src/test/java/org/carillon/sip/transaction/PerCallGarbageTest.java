package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tags, branches and transaction timers are made for every call several times over; their garbage is part of the
 * call engine's GC share (issue 6). Before these budgets a tag or branch went through {@code BigInteger} for half
 * of all random values and every timer product through {@code BigDecimal}.
 */
class PerCallGarbageTest {

    @Test
    void aTagAllocatesLittleMoreThanItsString() {
        assertThat(bytesPerCall(Tags::generate)).isLessThan(300); // 678 B before, ~144 after
    }

    @Test
    void aBranchAllocatesLittleMoreThanItsString() {
        assertThat(bytesPerCall(Branches::generate)).isLessThan(500); // 881 B before, ~351 after
    }

    @Test
    void timerProductsDoNotGoThroughBigDecimal() {
        TimerConfig t = TimerConfig.DEFAULT;
        assertThat(bytesPerCall(t::transactionTimeout)).isLessThan(64);
        assertThat(bytesPerCall(() -> t.doubledCapped(Duration.ofMillis(500)))).isLessThan(64);
        assertThat(t.transactionTimeout()).isEqualTo(Duration.ofSeconds(32));
        assertThat(t.doubledCapped(Duration.ofMillis(1500))).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.doubledCapped(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void tagsAndBranchesStayRandomAndWellFormed() {
        assertThat(Tags.generate()).matches("[0-9a-z]{1,13}").isNotEqualTo(Tags.generate());
        assertThat(Branches.generate()).startsWith(Branches.COOKIE).matches("z9hG4bK[0-9a-z]{2,20}");
    }

    /** Average bytes allocated by this thread per call of {@code s}, after a warm-up. */
    private static long bytesPerCall(Supplier<?> s) {
        return Garbage.perRun(20_000, 10_000, s);
    }
}
