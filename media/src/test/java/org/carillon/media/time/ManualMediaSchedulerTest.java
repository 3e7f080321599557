package org.carillon.media.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualMediaSchedulerTest {

    @Test
    void runsDueTasksInTimeOrderWithTheClockAtTheirDueTime() {
        var s = new ManualMediaScheduler();
        var log = new ArrayList<String>();
        s.schedule(() -> log.add("b@" + s.nanoTime() / 1_000_000), 30, TimeUnit.MILLISECONDS);
        s.schedule(() -> log.add("a@" + s.nanoTime() / 1_000_000), 10, TimeUnit.MILLISECONDS);
        var tick = s.scheduleAtFixedRate(() -> log.add("t@" + s.nanoTime() / 1_000_000), 20, 20, TimeUnit.MILLISECONDS);
        s.advance(Duration.ofMillis(45));
        assertThat(log).containsExactly("a@10", "t@20", "b@30", "t@40");
        tick.cancel();
        s.advance(Duration.ofMillis(100));
        assertThat(log).hasSize(4);
        assertThat(s.nanoTime()).isEqualTo(145_000_000L);
    }
}
