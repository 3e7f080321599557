package org.carillon.pbx.parking;

import org.carillon.pbx.call.CallParking;
import org.carillon.pbx.call.Destination;
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
 * Each tenant's parking slots (the number plan's slot range, {@code 701}–{@code 720} by default): a call
 * blind-transferred to the park number takes the lowest free slot, one transferred to a slot takes that slot if free.
 * A call nobody retrieves within its tenant's timeout ({@link ParkingPolicyService}, read when the call is parked)
 * leaves its slot and rings the parker back; if the parker does not answer, the fallback extension rings (a
 * {@code hangup} fallback skips it), and then the call is hung up. Every change of a slot is
 * announced as a {@link ResourceChanged} of the {@code dialog} package, so the slot's BLF lamps follow.
 *
 * <p>Threads: thread-safe; one short lock around the slot tables, never held while calling into a call.
 */
@Component
public class ParkingService implements CallParking {
    private static final Logger log = LoggerFactory.getLogger(ParkingService.class);
    static final String DIALOG = "dialog";

    private final LongFunction<ParkingPolicy> policies;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final NumberPlan.Ranges ranges = NumberPlan.Ranges.defaults();
    /** Occupied slots per tenant. Guarded by {@code this}. */
    private final Map<Long, TreeMap<Integer, ParkedCall>> lots = new HashMap<>();
    /** When each parked call took its slot. Guarded by {@code this}. */
    private final Map<ParkedCall, Instant> since = new IdentityHashMap<>();

    /** Every tenant with the environment's settings (tests). */
    public ParkingService(Settings settings, ApplicationEventPublisher events) {
        this(constant(ParkingPolicy.from(ParkingSettings.from(settings))), Clock.systemUTC(), events);
    }

    @Autowired
    public ParkingService(ParkingPolicyService policies, Clock clock, ApplicationEventPublisher events) {
        this(policies::policy, clock, events);
    }

    /** @param policies each tenant's settings, read when a call is parked (never blocks) */
    ParkingService(LongFunction<ParkingPolicy> policies, Clock clock, ApplicationEventPublisher events) {
        this.policies = policies;
        this.clock = clock;
        this.events = events;
    }

    private static LongFunction<ParkingPolicy> constant(ParkingPolicy p) {
        return t -> p;
    }

    @Override
    public Optional<String> park(ParkedCall call, String slot) {
        int chosen;
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = lots.computeIfAbsent(call.tenantId(), t -> new TreeMap<>());
            if (slot.isEmpty()) {
                chosen = -1;
                for (int n = ranges.slotLow(); n <= ranges.slotHigh() && chosen < 0; n++) {
                    if (!lot.containsKey(n)) {
                        chosen = n;
                    }
                }
            } else {
                chosen = slotNumber(slot).filter(n -> !lot.containsKey(n)).orElse(-1);
            }
            if (chosen < 0) {
                return Optional.empty();
            }
            lot.put(chosen, call);
            since.put(call, clock.instant());
        }
        String taken = Integer.toString(chosen);
        log.debug("call {}: {} parked by {} in {}", call.id(), call.parked(), call.parker(), taken);
        ParkingPolicy policy = policies.apply(call.tenantId()); // a change of settings applies to calls parked later
        call.after(policy.timeout(), () -> timedOut(call, policy.fallback()));
        changed(call.tenantId(), taken);
        return Optional.of(taken);
    }

    @Override
    public Optional<ParkedCall> take(long tenantId, String slot) {
        Optional<ParkedCall> taken;
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = lots.get(tenantId);
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

    /** The call parked in {@code slot} of the tenant, if any. */
    public Optional<ParkedCall> find(long tenantId, String slot) {
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = lots.get(tenantId);
            return lot == null ? Optional.empty() : slotNumber(slot).map(lot::get);
        }
    }

    /** The tenant's parked calls, by slot. */
    public List<ParkedCall> parked(long tenantId) {
        synchronized (this) {
            TreeMap<Integer, ParkedCall> lot = lots.get(tenantId);
            return lot == null ? List.of() : new ArrayList<>(lot.values());
        }
    }

    /** When {@code call} took its slot; empty once it left it. */
    public Optional<Instant> since(ParkedCall call) {
        synchronized (this) {
            return Optional.ofNullable(since.get(call));
        }
    }

    /** The slot numbers, lowest first ({@code 701}–{@code 720}). */
    public List<String> slots() {
        List<String> all = new ArrayList<>();
        for (int n = ranges.slotLow(); n <= ranges.slotHigh(); n++) {
            all.add(Integer.toString(n));
        }
        return all;
    }

    /** Whether {@code number} is one of the slots (its lamp can be watched even while free). */
    public boolean isSlot(String number) {
        return slotNumber(number).isPresent();
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
            TreeMap<Integer, ParkedCall> lot = lots.get(call.tenantId());
            Optional<Integer> n = slotNumber(call.slot());
            if (lot != null && n.isPresent() && lot.get(n.get()) == call) {
                lot.remove(n.get());
                since.remove(call);
                return true;
            }
            return false;
        }
    }

    private Optional<Integer> slotNumber(String slot) {
        if (!slot.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(slot);
        return n >= ranges.slotLow() && n <= ranges.slotHigh() ? Optional.of(n) : Optional.empty();
    }

    private void changed(long tenantId, String slot) {
        events.publishEvent(new ResourceChanged(tenantId, DIALOG, slot));
    }
}
