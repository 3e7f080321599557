package org.carillon.pbx.parking;

import org.carillon.pbx.call.ParkedCall;
import org.carillon.pbx.subscription.ResourceChanged;
import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes every change of a parking slot to open "Parking" pages as server-sent events ({@code event: slot}, data
 * {@code {"slot":"701","state":"occupied","parked":"1001","parker":"1002","since":"2026-11-27T12:00:00Z"}}, or
 * {@code "state":"free"} with the other fields empty).
 *
 * <p>Threads: thread-safe; publishing never blocks the call's executor ({@link EventHub}).
 */
@Component
class ParkingStream {
    private final EventHub hub = new EventHub("slot", Duration.ofMinutes(30));
    private final ParkingService parking;

    ParkingStream(ParkingService parking) {
        this.parking = parking;
    }

    SseEmitter subscribe(long tenantId) {
        return hub.subscribe(tenantId);
    }

    @EventListener
    public void onChange(ResourceChanged change) {
        if (hub.subscriberCount() == 0 || !ParkingService.DIALOG.equals(change.event())
                || !parking.isSlot(change.tenantId(), change.resource())) {
            return;
        }
        hub.publish(change.tenantId(), data(change.resource(), parking.find(change.tenantId(), change.resource())));
    }

    /** One slot as the page shows it. */
    Map<String, String> data(String slot, Optional<ParkedCall> call) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("slot", slot);
        m.put("state", call.isPresent() ? "occupied" : "free");
        m.put("parked", call.map(ParkedCall::parked).orElse(""));
        m.put("parker", call.map(ParkedCall::parker).orElse(""));
        m.put("since", call.flatMap(parking::since).map(Object::toString).orElse(""));
        return m;
    }
}
