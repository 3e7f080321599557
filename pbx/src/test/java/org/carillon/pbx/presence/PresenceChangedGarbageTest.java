package org.carillon.pbx.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.carillon.pbx.feature.Garbage;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Presence changes come with every call (issue 6: both extensions ring, go busy and come back). Published as a bare
 * object, Spring wraps it in a {@code PayloadApplicationEvent} and builds generic {@code ResolvableType}s for the
 * event and again for each listener; as an {@code ApplicationEvent} it is handed to the listeners as it is.
 */
class PresenceChangedGarbageTest {

    static class Listener {
        int seen;

        @EventListener
        public void one(PresenceChanged c) {
            seen++;
        }

        @EventListener
        public void two(PresenceChanged c) {
            seen += c.number().isEmpty() ? 0 : 1;
        }
    }

    @Test
    void publishingAChangeMakesLittleGarbage() {
        try (var context = new AnnotationConfigApplicationContext(Listener.class)) {
            Clock clock = Clock.systemUTC();
            long perEvent = Garbage.perRun(20_000, 10_000,
                    () -> context.publishEvent(new PresenceChanged(1, "1000", ExtensionState.IN_CALL, clock)));
            assertThat(context.getBean(Listener.class).seen).isEqualTo(2 * 30_000);
            assertThat(perEvent).isLessThan(400);
        }
    }
}
