package org.carillon.pbx.presence;

import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.ActiveCallsChanged;
import org.carillon.pbx.call.CallState;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.ExtensionPresence;
import org.carillon.pbx.extension.ExtensionStatus;
import org.carillon.pbx.extension.Registration;
import org.carillon.pbx.sipserver.SipServer;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.platform.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state change of every call is announced to the subscription framework (issue 6: thousands a second). Each
 * {@code ObjectProvider.getIfAvailable} resolves the bean again through the bean factory (candidate maps, injection
 * points, generic types: ~1 kB a look-up), so the service is looked up once and kept.
 */
class PresenceLookupTest {

    private static final ExtensionPresence NOBODY_REGISTERED = new ExtensionPresence() {
        @Override
        public ExtensionStatus status(long extensionId) {
            return ExtensionStatus.UNREGISTERED;
        }

        @Override
        public List<Registration> registrations(long extensionId) {
            return List.of();
        }
    };

    /** Counts the look-ups and hands out one service. */
    private static final class Counting implements ObjectProvider<SubscriptionService> {
        private final SubscriptionService service;
        int lookups;

        Counting(SubscriptionService service) {
            this.service = service;
        }

        @Override
        public SubscriptionService getObject(Object... args) {
            return getIfAvailable();
        }

        @Override
        public SubscriptionService getObject() {
            return getIfAvailable();
        }

        @Override
        public SubscriptionService getIfAvailable() {
            lookups++;
            return service;
        }

        @Override
        public SubscriptionService getIfUnique() {
            return getIfAvailable();
        }
    }

    private static ActiveCall call(String id, CallState state, List<String> parties, Optional<String> ringing) {
        return new ActiveCall(id, 1, "1000", "1001", Optional.empty(), state, Instant.EPOCH, Optional.empty(),
                new ActiveCall.Legs(parties, ringing, id + "@host", "pbxtag", "callertag"));
    }

    @Test
    void callEventsLookTheSubscriptionServiceUpOnceAndStillTrackEachExtension() {
        try (var subscriptions = new SubscriptionService(new Settings(new MockEnvironment()), List.of(),
                Clock.systemUTC(), new StaticListableBeanFactory().getBeanProvider(SipServer.class))) {
            var provider = new Counting(subscriptions);
            List<Object> published = new ArrayList<>();
            var presence = new PresenceService(new DeviceDirectory(null, null), NOBODY_REGISTERED, published::add,
                    provider, Clock.systemUTC());
            for (int i = 0; i < 100; i++) {
                String id = "c" + i;
                presence.onCall(new ActiveCallsChanged(call(id, CallState.RINGING, List.of("1000"),
                        Optional.of("1001")), Clock.systemUTC()));
                assertThat(presence.state(1, "1001")).isEqualTo(ExtensionState.RINGING);
                presence.onCall(new ActiveCallsChanged(call(id, CallState.ANSWERED, List.of("1000", "1001"),
                        Optional.empty()), Clock.systemUTC()));
                assertThat(presence.state(1, "1001")).isEqualTo(ExtensionState.IN_CALL);
                presence.onCall(new ActiveCallsChanged(call(id, CallState.ENDED, List.of(), Optional.empty()),
                        Clock.systemUTC()));
                assertThat(presence.state(1, "1001")).isEqualTo(ExtensionState.UNREGISTERED);
            }
            assertThat(provider.lookups).isEqualTo(1);
            // per call: the caller in call and back; the callee ringing, in call and back
            assertThat(published).hasSize(100 * 5);
        }
    }
}
