package org.carillon.pbx.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A presence change is stamped with the injected clock's time, not the system's (STYLE.md: every "now"). */
class PresenceServiceClockTest {

    @Test
    void aPresenceChangeCarriesTheInjectedClocksTime() {
        Clock clock = Clock.fixed(Instant.parse("2031-05-06T07:08:09Z"), ZoneOffset.UTC);
        List<Object> published = new ArrayList<>();
        // a removed extension touches neither the directory nor the registrations: only the event is published
        var presence = new PresenceService(null, null, published::add,
                new StaticListableBeanFactory().getBeanProvider(SubscriptionService.class), clock);

        presence.onRemoved(new ExtensionRemoved(1, 7, "1007"));

        assertThat(published).singleElement().isInstanceOfSatisfying(PresenceChanged.class, e -> {
            assertThat(e.number()).isEqualTo("1007");
            assertThat(e.getTimestamp()).isEqualTo(clock.millis());
        });
    }
}
