package org.carillon.pbx.extension;

import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Map;

/**
 * Pushes status changes to open extension lists as server-sent events ({@code event: status}, data
 * {@code {"number":"1000","status":"ready","label":"Ready"}}), so the list updates without a reload.
 *
 * <p>Threads: thread-safe; publishing never blocks the SIP handler or sweeper that reports the change
 * ({@link EventHub}).
 */
@Component
public class ExtensionStatusStream {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final EventHub hub = new EventHub("status", TIMEOUT);

    /** A new stream for one browser page of a tenant. */
    public SseEmitter subscribe(long tenantId) {
        return hub.subscribe(tenantId);
    }

    public int subscriberCount() {
        return hub.subscriberCount();
    }

    @EventListener
    public void onStatus(ExtensionStatusChanged change) {
        hub.publish(change.tenantId(), Map.of("number", change.number(), "status", change.status().wire(),
                "label", change.status().label()));
    }
}
