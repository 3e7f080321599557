package org.carillon.pbx.directory;

import org.carillon.pbx.presence.PresenceChanged;
import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Map;

/**
 * Pushes presence changes to open team directories as server-sent events ({@code event: presence}, data
 * {@code {"number":"1001","status":"ringing","label":"Ringing"}}).
 *
 * <p>Threads: thread-safe; publishing never blocks the call or registrar thread reporting the change.
 */
@Component
public class DirectoryStream {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final EventHub hub = new EventHub("presence", TIMEOUT);

    public SseEmitter subscribe(long tenantId) {
        return hub.subscribe(tenantId);
    }

    @EventListener
    public void onPresence(PresenceChanged change) {
        hub.publish(change.tenantId(), Map.of("number", change.number(), "status", change.state().wire(),
                "label", change.state().label()));
    }
}
