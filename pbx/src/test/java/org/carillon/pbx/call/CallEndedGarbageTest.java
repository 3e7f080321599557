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
 * Every finished call is published to the call history (issue 6: 700 a second). Published as the bare
 * {@link CallRecord}, Spring wrapped it in a {@code PayloadApplicationEvent} and built generic {@code ResolvableType}s
 * for the event and for its listener; as a {@link CallEnded} it is handed to the listener as it is.
 */
class CallEndedGarbageTest {

    static class History {
        int stored;

        @EventListener
        public void onEnded(CallEnded ended) {
            stored += ended.record().id().isEmpty() ? 0 : 1;
        }
    }

    @Test
    void publishingAFinishedCallMakesLittleGarbage() {
        try (var context = new AnnotationConfigApplicationContext(History.class)) {
            CallRecord record = new CallRecord("c1", 1, "1000", "1001", Optional.of("1001"), Instant.EPOCH,
                    Optional.of(Instant.EPOCH), Instant.EPOCH.plusSeconds(1), CallResult.ANSWERED, 200, "caller",
                    List.of());
            Clock clock = Clock.systemUTC();
            long perEvent = Garbage.perRun(20_000, 10_000, () -> context.publishEvent(new CallEnded(record, clock)));
            assertThat(context.getBean(History.class).stored).isEqualTo(30_000);
            assertThat(perEvent).isLessThan(300);
        }
    }
}
