package org.carillon.pbx.extension;

import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Map;

/**
 * Pushes status changes to open extension lists as server-sent events ({@code event: status}, data
 * {@code {"number":"1000","status":"ready","label":"Ready"}}), so the list updates without a reload; also, with the
 * status unchanged, when an extension's number of registered devices changes (the dashboard counts devices).
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
        publish(change.tenantId(), change.number(), change.status());
    }

    /** The same event, status unchanged: lists re-apply it, the dashboard fetches its device count again. */
    @EventListener
    public void onDeviceCount(DeviceCountChanged change) {
        publish(change.tenantId(), change.number(), change.status());
    }

    private void publish(long tenantId, String number, ExtensionStatus status) {
        hub.publish(tenantId, Map.of("number", number, "status", status.wire(), "label", status.label()));
    }
}
