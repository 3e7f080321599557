package org.carillon.pbx.extension;

import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Map;

/**
 * Pushes role changes to open role boards ({@code event: role}, data {@code {"number":"1000","role":"manager"}}),
 * whoever made them (board, extension page, API), so every open board shows the same columns.
 *
 * <p>Threads: thread-safe; publishing never blocks ({@link EventHub}).
 */
@Component
public class RoleBoardStream {
    private final EventHub hub = new EventHub("role", Duration.ofMinutes(30));

    public SseEmitter subscribe(long tenantId) {
        return hub.subscribe(tenantId);
    }

    @EventListener
    public void onRoleChanged(RoleChanged change) {
        hub.publish(change.tenantId(), Map.of("number", change.number(), "role", change.to().wire()));
    }
}
