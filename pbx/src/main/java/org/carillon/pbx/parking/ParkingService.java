package org.carillon.pbx.parking;

import org.carillon.pbx.call.CallParking;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.MusicOnHold;
import org.carillon.pbx.call.ParkedCall;
import org.carillon.pbx.routing.NumberPlan;
import org.carillon.pbx.subscription.ResourceChanged;
import org.carillon.platform.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The parked calls of every tenant's parking lots ({@link ParkingLotService}; the default lot {@code 700},
 * {@code 701}–{@code 720}): a call blind-transferred to a lot's park number takes that lot's lowest free slot, one
 * transferred to a slot takes that slot if free. A call nobody retrieves within its lot's timeout (read when the call
 * is parked) leaves its slot and rings the parker back; if the parker does not answer, the lot's fallback takes it (an
 * extension rings, then the call is hung up; {@code hangup} ends it). Every change of a slot is announced as a
 * {@link ResourceChanged} of the {@code dialog} package, so the slot's BLF lamps follow.
 *
 * <p>Slot numbers are unique in a tenant (lots never overlap), so the occupied slots are one table per tenant.
 *
 * <p>Threads: thread-safe; one short lock around the slot tables, never held while calling into a call.
 */
@Component
public class ParkingService implements CallParking {
    private static final Logger log = LoggerFactory.getLogger(ParkingService.class);
    static final String DIALOG = "dialog";

    private final LongFunction<List<ParkingLot>> lots;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Occupied slots per tenant. Guarded by {@code this}. */
    private final Map<Long, TreeMap<Integer, ParkedCall>> occupied = new HashMap<>();
    /** When each parked call took its slot. Guarded by {@code this}. */
    private final Map<ParkedCall, Instant> since = new IdentityHashMap<>();

    /** Every tenant with one lot, the default numbers and the environment's settings (tests). */
    public ParkingService(Settings settings, ApplicationEventPublisher events) {
        this(defaultLot(ParkingSettings.from(settings)), Clock.systemUTC(), events);
    }

    @Autowired
    public ParkingService(ParkingLotService lots, Clock clock, ApplicationEventPublisher events) {
        this(lots::lots, clock, events);
    }

    /** @param lots each tenant's lots, read when a call is parked or a number dialled (never blocks) */
    ParkingService(LongFunction<List<ParkingLot>> lots, Clock clock, ApplicationEventPublisher events) {
        this.lots = lots;
        this.clock = clock;
        this.events = events;
    }

    private static LongFunction<List<ParkingLot>> defaultLot(ParkingSettings s) {
        NumberPlan.Ranges r = NumberPlan.Ranges.defaults();
        Destination fallback = s.fallback().map(Destination::extension)
                .orElse(new Destination(Destination.Type.HANGUP, ""));
        return t -> List.of(new ParkingLot(1, t, ParkingLot.DEFAULT_NAME, Integer.toString(r.park()), r.slotLow(),
                r.slotHigh(), (int) s.timeout().toSeconds(), fallback, MusicOnHold.BUILT_IN, true));
    }

    /**
     * Parks {@code call} in the lowest free slot of the lot whose park number {@code number} is (empty: the default
     * lot), or in slot {@code number} when it is free.
     */
    @Override
    public Optional<String> park(ParkedCall call, String number) {
        List<ParkingLot> all = lots.apply(call.tenantId());
        Optional<ParkingLot> lot = number.isEmpty() ? Optional.of(all.getFirst())
                : all.stream().filter(l -> l.owns(number)).findFirst();
        if (lot.isEmpty()) {
            return Optional.empty();
        }
        boolean anySlot = number.isEmpty() || lot.get().parkNumber().equals(number);
        int chosen = -1;
        synchronized (this) {
            TreeMap<Integer, ParkedCall> taken = occupied.computeIfAbsent(call.tenantId(), t -> new TreeMap<>());
            if (anySlot) {
                for (int n = lot.get().firstSlot(); n <= lot.get().lastSlot() && chosen < 0; n++) {
                    if (!taken.containsKey(n)) {
                        chosen = n;
                    }
                }
            } else {
                chosen = lot.get().slot(number).filter(n -> !taken.containsKey(n)).orElse(-1);
            }
            if (chosen < 0) {
                return Optional.empty();
            }
            taken.put(chosen, call);
            since.put(call, clock.instant());
        }
        String slot = Integer.toString(chosen);
        ParkingLot in = lot.get(); // a change of the lot applies to calls parked later
        log.debug("call {}: {} parked by {} in {} of lot {}", call.id(), call.parked(), call.parker(), slot, in.name());
        call.after(in.timeout(), () -> timedOut(call, in.fallback()));
        changed(call.tenantId(), slot);
        return Optional.of(slot);
    }

    @Override
    public Optional<ParkedCall> take(long tenantId, String slot) {
        Optional<ParkedCall> taken;
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = occupied.get(tenantId);
            taken = lot == null ? Optional.empty() : slotNumber(slot).map(lot::remove);
            taken.ifPresent(since::remove);
        }
        taken.ifPresent(c -> changed(tenantId, slot));
        return taken;
    }

    @Override
    public void left(ParkedCall call) {
        if (remove(call)) {
            changed(call.tenantId(), call.slot());
        }
    }

    @Override
    public boolean isParkNumber(long tenantId, String number) {
        return lots.apply(tenantId).stream().anyMatch(l -> l.parkNumber().equals(number));
    }

    /** The call parked in {@code slot} of the tenant, if any. */
    public Optional<ParkedCall> find(long tenantId, String slot) {
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = occupied.get(tenantId);
            return lot == null ? Optional.empty() : slotNumber(slot).map(lot::get);
        }
    }

    /** The tenant's parked calls, by slot. */
    public List<ParkedCall> parked(long tenantId) {
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = occupied.get(tenantId);
            return lot == null ? List.of() : new ArrayList<>(lot.values());
        }
    }

    /** When {@code call} took its slot; empty once it left it. */
    public Optional<Instant> since(ParkedCall call) {
        synchronized (this) {
            return Optional.ofNullable(since.get(call));
        }
    }

    /** Whether {@code number} is a slot of one of the tenant's lots (its lamp can be watched even while free). */
    public boolean isSlot(long tenantId, String number) {
        return lots.apply(tenantId).stream().anyMatch(l -> l.slot(number).isPresent());
    }

    /** Nobody took it in time: out of its slot, and the parker rings (call executor). */
    private void timedOut(ParkedCall call, Destination fallback) {
        if (!remove(call)) {
            return; // retrieved or gone meanwhile
        }
        changed(call.tenantId(), call.slot());
        log.debug("call {}: not retrieved from {}: ringing {} back", call.id(), call.slot(), call.parker());
        call.ringBack(call.parker(), answered -> {
            if (!answered) {
                fallBack(call, fallback);
            }
        });
    }

    /** The parker did not answer its ring-back: the fallback extension rings, or the call goes to the fallback. */
    private static void fallBack(ParkedCall call, Destination fallback) {
        switch (fallback.type()) {
            case EXTENSION -> {
                if (fallback.target().equals(call.parker())) {
                    call.hangUp();
                } else {
                    call.ringBack(fallback.target(), second -> {
                        if (!second) {
                            call.hangUp();
                        }
                    });
                }
            }
            case HANGUP -> call.hangUp();
            default -> {
                // voicemail with no box named: the parker's, whose call it was
                Destination to = fallback.type() == Destination.Type.VOICEMAIL && fallback.target().isEmpty()
                        ? new Destination(Destination.Type.VOICEMAIL, call.parker()) : fallback;
                if (!call.handTo(to)) {
                    call.hangUp();
                }
            }
        }
    }

    private boolean remove(ParkedCall call) {
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = occupied.get(call.tenantId());
            Optional<Integer> n = slotNumber(call.slot());
            if (lot != null && n.isPresent() && lot.get(n.get()) == call) {
                lot.remove(n.get());
                since.remove(call);
                return true;
            }
            return false;
        }
    }

    /** Any slot-shaped number: a call stays findable in its slot even if its lot changed meanwhile. */
    private static Optional<Integer> slotNumber(String slot) {
        if (!slot.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(slot));
    }

    private void changed(long tenantId, String slot) {
        events.publishEvent(new ResourceChanged(tenantId, DIALOG, slot));
    }
}
