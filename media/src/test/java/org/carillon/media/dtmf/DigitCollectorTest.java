package org.carillon.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carillon.media.dtmf.CollectedDigits.Reason;
import org.carillon.media.time.ManualMediaScheduler;
import org.junit.jupiter.api.Test;

class DigitCollectorTest {

    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private final List<CollectedDigits> results = new ArrayList<>();
    private final DigitCollector.Spec pin = new DigitCollector.Spec(4, "#", Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofSeconds(20));

    private DigitCollector start() {
        return new DigitCollector(clock, pin, results::add);
    }

    @Test
    void stopsAtTheMaximumNumberOfDigits() {
        var c = start();
        "12345".chars().forEach(d -> c.accept((char) d));
        assertThat(results).containsExactly(new CollectedDigits("1234", Reason.MAX_DIGITS));
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void stopsAtTheTerminatorWithoutIncludingIt() {
        var c = start();
        c.accept('4');
        c.accept('2');
        c.eventEnded(new DtmfEvent('#', 100, 10, true));
        assertThat(results).containsExactly(new CollectedDigits("42", Reason.TERMINATOR));
    }

    @Test
    void interDigitTimeoutRunsFromTheLastDigit() {
        var c = start();
        clock.advance(Duration.ofSeconds(4));
        c.accept('7');
        clock.advance(Duration.ofMillis(2900));
        c.accept('8');
        clock.advance(Duration.ofMillis(2900));
        assertThat(results).isEmpty();
        clock.advance(Duration.ofMillis(200));
        assertThat(results).containsExactly(new CollectedDigits("78", Reason.INTER_DIGIT_TIMEOUT));
    }

    @Test
    void reportsNoInputWhenTheFirstDigitNeverComes() {
        start();
        clock.advance(Duration.ofSeconds(6));
        assertThat(results).containsExactly(new CollectedDigits("", Reason.NO_INPUT));
    }

    @Test
    void theOverallLimitCutsOffASlowCaller() {
        var slow = new DigitCollector.Spec(10, "#", Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(7));
        var c = new DigitCollector(clock, slow, results::add);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(2500));
            c.accept('1');
        }
        assertThat(results).containsExactly(new CollectedDigits("11", Reason.OVERALL_TIMEOUT));
    }

    @Test
    void reportsExactlyOnce() {
        var c = start();
        c.accept('1');
        c.cancel();
        c.accept('2');
        clock.advance(Duration.ofMinutes(1));
        assertThat(results).containsExactly(new CollectedDigits("1", Reason.CANCELLED));
        assertThat(c.done()).isTrue();
    }
}
