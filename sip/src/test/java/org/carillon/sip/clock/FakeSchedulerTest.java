package org.carillon.sip.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSchedulerTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTasksInDeadlineOrderOnlyWhenTimeReachesThem() {
        scheduler.schedule(Duration.ofMillis(200), () -> ran.add("b"));
        scheduler.schedule(Duration.ofMillis(100), () -> ran.add("a"));
        scheduler.advance(Duration.ofMillis(99));
        assertThat(ran).isEmpty();
        scheduler.advance(Duration.ofMillis(101));
        assertThat(ran).containsExactly("a", "b");
        assertThat(scheduler.elapsed()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void runsTasksScheduledByTasksWithinTheSameAdvance() {
        scheduler.schedule(Duration.ofMillis(10), () -> {
            ran.add("first at " + scheduler.elapsed().toMillis());
            scheduler.schedule(Duration.ofMillis(10), () -> ran.add("second at " + scheduler.elapsed().toMillis()));
        });
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("first at 10", "second at 20");
    }

    @Test
    void skipsCancelledTasks() {
        SipScheduler.Timeout t = scheduler.schedule(Duration.ofMillis(10), () -> ran.add("x"));
        t.cancel();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
        assertThat(t.isCancelled()).isTrue();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void refusesNegativeDelays() {
        assertThatThrownBy(() -> scheduler.schedule(Duration.ofMillis(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
