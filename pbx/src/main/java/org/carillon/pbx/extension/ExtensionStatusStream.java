package org.carillon.pbx.extension;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes status changes to open extension lists as server-sent events ({@code event: status}, data
 * {@code {"number":"1000","status":"ready","label":"Ready"}}), so the list updates without a reload.
 *
 * <p>Threads: thread-safe; events are sent on the thread that published the change (a SIP handler's virtual
 * thread or the sweeper), and a slow or gone browser only loses its own emitter.
 */
@Component
public class ExtensionStatusStream {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private record Subscriber(long tenantId, SseEmitter emitter) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** A new stream for one browser page of a tenant. */
    public SseEmitter subscribe(long tenantId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber s = new Subscriber(tenantId, emitter);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    public void onStatus(ExtensionStatusChanged change) {
        if (subscribers.isEmpty()) {
            return;
        }
        var data = Map.of("number", change.number(), "status", change.status().wire(),
                "label", change.status().label());
        for (Subscriber s : subscribers) {
            if (s.tenantId() != change.tenantId()) {
                continue;
            }
            try {
                s.emitter().send(SseEmitter.event().name("status").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }
}
