package org.carillon.pbx.cdr;

import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.ActiveCallsChanged;
import org.carillon.pbx.call.CallState;
import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes every change of a live call to open "Active calls" pages as server-sent events ({@code event: call}, data
 * {@code {"id":…,"caller":"1000","dialled":"1001","callee":"1001","state":"answered","startedAt":…}}; state
 * {@code ended} removes the row).
 *
 * <p>Threads: thread-safe; publishing never blocks the call's executor ({@link EventHub}).
 */
@Component
public class ActiveCallStream {
    private final EventHub hub = new EventHub("call", Duration.ofMinutes(30));

    public SseEmitter subscribe(long tenantId) {
        return hub.subscribe(tenantId);
    }

    @EventListener
    public void onChange(ActiveCallsChanged change) {
        if (hub.subscriberCount() == 0) {
            return; // nobody watches: skip building the event (several per call, ~1 % of the PBX's CPU at 100 calls/s)
        }
        hub.publish(change.call().tenantId(), data(change.call()));
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
