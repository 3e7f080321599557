package org.carillon.pbx.cdr;

import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.ActiveCallsChanged;
import org.carillon.pbx.call.CallState;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes every change of a live call to open "Active calls" pages as server-sent events ({@code event: call}, data
 * {@code {"id":…,"caller":"1000","dialled":"1001","callee":"1001","state":"answered","startedAt":…}}; state
 * {@code ended} removes the row).
 *
 * <p>Threads: thread-safe; events are sent on the call's executor that published them; a slow or gone browser
 * only loses its own emitter.
 */
@Component
public class ActiveCallStream {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private record Subscriber(long tenantId, SseEmitter emitter) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

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

    @EventListener
    public void onChange(ActiveCallsChanged change) {
        if (subscribers.isEmpty()) {
            return;
        }
        ActiveCall c = change.call();
        Map<String, Object> data = data(c);
        for (Subscriber s : subscribers) {
            if (s.tenantId() != c.tenantId()) {
                continue;
            }
            try {
                s.emitter().send(SseEmitter.event().name("call").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    static Map<String, Object> data(ActiveCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("caller", c.caller());
        m.put("dialled", c.dialled());
        m.put("callee", c.callee().orElse(""));
        m.put("state", c.state() == CallState.ENDED ? "ended" : c.state().wire());
        m.put("startedAt", c.startedAt().toString());
        m.put("answeredAt", c.answeredAt().map(Object::toString).orElse(""));
        return m;
    }
}
