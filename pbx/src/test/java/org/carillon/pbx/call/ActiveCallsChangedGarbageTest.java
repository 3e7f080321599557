package org.carillon.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carillon.pbx.feature.Garbage;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Every state change of every call is published to the active-calls page, presence and the team queue (issue 6: at
 * 700 calls/s, thousands a second). Published as a bare object, Spring wraps it in a {@code PayloadApplicationEvent}
 * and builds generic {@code ResolvableType}s for the event and again for each listener; as an
 * {@code ApplicationEvent} it is handed to the listeners as it is.
 */
class ActiveCallsChangedGarbageTest {

    static class Listener {
        int seen;

        @EventListener
        public void one(ActiveCallsChanged c) {
            seen++;
        }

        @EventListener
        public void two(ActiveCallsChanged c) {
            seen++;
        }

        @EventListener
        public void three(ActiveCallsChanged c) {
            seen += c.call().id().isEmpty() ? 0 : 1;
        }
    }

    @Test
    void publishingAChangeToThreeListenersMakesLittleGarbage() {
        try (var context = new AnnotationConfigApplicationContext(Listener.class)) {
            ActiveCall call = new ActiveCall("c1", 1, "1000", "1001", Optional.empty(), CallState.RINGING,
                    Instant.EPOCH, Optional.empty(), new ActiveCall.Legs(List.of("1000"), Optional.of("1001"), "x",
                    "a", "b"));
            Clock clock = Clock.systemUTC();
            long perEvent = Garbage.perRun(20_000, 10_000,
                    () -> context.publishEvent(new ActiveCallsChanged(call, clock)));
            assertThat(context.getBean(Listener.class).seen).isEqualTo(3 * 30_000);
            assertThat(perEvent).isLessThan(600); // 1,472 B as a plain record, ~256 B as an ApplicationEvent
        }
    }
}
