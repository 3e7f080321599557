package org.carillon.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerConfigTest {

    private static final TimerConfig ODD = new TimerConfig(Duration.ofNanos(1_234_567_891L), Duration.ofSeconds(4),
            Duration.ofSeconds(5), Duration.ofSeconds(32));

    @Test
    void transactionTimeoutIs64TimesT1ToTheNanosecond() {
        assertEquals(Duration.ofSeconds(32), TimerConfig.DEFAULT.transactionTimeout());
        assertEquals(Duration.ofNanos(64 * 1_234_567_891L), ODD.transactionTimeout());
        assertEquals(Duration.ofNanos(64 * 1_234_567_891L), ODD.timerJ(false));
        assertEquals(Duration.ZERO, ODD.timerJ(true));
    }

    @Test
    void doublingIsCappedAtT2() {
        assertEquals(Duration.ofSeconds(1), TimerConfig.DEFAULT.doubledCapped(Duration.ofMillis(500)));
        assertEquals(Duration.ofSeconds(4), TimerConfig.DEFAULT.doubledCapped(Duration.ofSeconds(3)));
    }

    /** Timer J is asked for by every non-INVITE server transaction: no BigDecimal arithmetic (584 B a call before). */
    @Test
    void timerJAllocatesLittle() {
        long perCall = Garbage.perRun(1_000, 10_000, () -> ODD.timerJ(false)); // warm-up: load and link classes
        assertTrue(perCall < 200, "bytes per timerJ call: " + perCall);
    }
}
