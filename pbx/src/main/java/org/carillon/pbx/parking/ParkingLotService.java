package org.carillon.pbx.parking;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.ParkedCall;
import org.carillon.pbx.routing.NumberPlan;
import org.carillon.pbx.routing.ParkingLotLookup;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.platform.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's parking lots (SPEC §2.7), kept in memory because routing and the call engine read them on a call's
 * executor. Every tenant has a default lot ({@code 700}, {@code 701}–{@code 720}), created at start with the
 * environment's timeout and fallback ({@link ParkingSettings}) and never deleted; until its row exists (a tenant made
 * since the start) those settings stand in for it. Lots are created, changed and deleted by an admin, validated by
 * {@link ParkingLotRules} and audited with before and after. As the {@link ParkingLotLookup} it tells routing which
 * numbers park and keeps extensions, teams and speed dials off them.
 *
 * <p>Threads: thread-safe; the lookups never block; changes are serialised by {@code synchronized}.
 */
@Service
public class ParkingLotService implements ParkingLotLookup, ApplicationRunner, Ordered {
    private final ParkingLotStore store;
    private final ParkingLotRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<ParkingService> parking;
    private final ParkingSettings settings;
    /** Each tenant's lots, the default first, then by park number; replaced whole on every change. */
    private final ConcurrentHashMap<Long, List<ParkingLot>> byTenant = new ConcurrentHashMap<>();

    public ParkingLotService(ParkingLotStore store, ParkingLotRules rules, AuditTrail audit, Clock clock,
                             ObjectProvider<ParkingService> parking, Settings settings) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.parking = parking;
        this.settings = ParkingSettings.from(settings);
    }

    /** After the default tenant is made ({@code DefaultTenant}, order -1). */
    @Override
    public int getOrder() {
        return 0;
    }

    /** Gives every tenant without one its default lot, then loads all lots. */
    @Override
    public synchronized void run(ApplicationArguments args) {
        for (long tenant : store.tenantsWithoutDefault()) {
            store.insert(standIn(tenant), clock.instant());
        }
        Map<Long, List<ParkingLot>> all = new LinkedHashMap<>();
        store.all().forEach(l -> all.computeIfAbsent(l.tenantId(), t -> new ArrayList<>()).add(l));
        all.forEach((t, lots) -> byTenant.put(t, sorted(lots)));
    }

    /** The default lot before its row exists: CONTRACTS.md's numbers and the environment's settings. */
    private ParkingLot standIn(long tenantId) {
        NumberPlan.Ranges r = NumberPlan.Ranges.defaults();
        Destination fallback = settings.fallback().map(Destination::extension)
                .orElse(new Destination(Destination.Type.HANGUP, ""));
        return new ParkingLot(0, tenantId, ParkingLot.DEFAULT_NAME, Integer.toString(r.park()), r.slotLow(),
                r.slotHigh(), (int) Math.min(ParkingLot.MAX_TIMEOUT, settings.timeout().toSeconds()), fallback,
                org.carillon.pbx.call.MusicOnHold.BUILT_IN, true);
    }

    /** The tenant's lots, the default first. Never blocks. */
    public List<ParkingLot> lots(long tenantId) {
        List<ParkingLot> lots = byTenant.get(tenantId);
        return lots == null ? List.of(standIn(tenantId)) : lots;
    }

    public ParkingLot defaultLot(long tenantId) {
        return lots(tenantId).getFirst();
    }

    /** @throws ParkingLotNotFoundException when the tenant has no lot {@code id} */
    public ParkingLot require(long tenantId, long id) {
        return lots(tenantId).stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> new ParkingLotNotFoundException(id));
    }

    /** The lot whose park number or slot {@code number} is. */
    public Optional<ParkingLot> owning(long tenantId, String number) {
        return lots(tenantId).stream().filter(l -> l.owns(number)).findFirst();
    }

    @Override
    public boolean isParkNumber(long tenantId, String number) {
        return lots(tenantId).stream().anyMatch(l -> l.parkNumber().equals(number));
    }

    @Override
    public boolean isSlot(long tenantId, String number) {
        return lots(tenantId).stream().anyMatch(l -> l.slot(number).isPresent());
    }

    @Override
    public List<String> slotRanges(long tenantId) {
        return lots(tenantId).stream().map(ParkingLot::slotRange).toList();
    }

    @Override
    public Optional<String> reservedBy(long tenantId, String number) {
        return owning(tenantId, number).map(l -> l.parkNumber().equals(number)
                ? number + " is the park number of the parking lot " + l.name() + "."
                : number + " is a slot of the parking lot " + l.name() + " (" + l.slotRange() + ").");
    }

    /** @throws InvalidParkingLotException naming each bad field */
    @Transactional
    public synchronized ParkingLot create(long tenantId, ParkingLotInput in, String actor, String source) {
        ParkingLot lot = rules.validated(tenantId, Optional.empty(), in, lots(tenantId), List.of());
        lot = lot.withId(store.insert(lot, clock.instant()));
        replace(tenantId, lot);
        audit.recordChange(actor, source, "parking_lot_created", "parking_lot", Long.toString(lot.id()), "",
                Map.of(), state(lot));
        return lot;
    }

    /**
     * Replaces lot {@code id} with {@code in}; the calls parked in it keep their slots, which the new range must hold.
     *
     * @throws ParkingLotNotFoundException when the tenant has no such lot
     * @throws InvalidParkingLotException  naming each bad field
     */
    @Transactional
    public synchronized ParkingLot update(long tenantId, long id, ParkingLotInput in, String actor, String source) {
        ParkingLot before = require(tenantId, id);
        List<ParkingLot> others = lots(tenantId).stream().filter(l -> l.id() != id).toList();
        ParkingLot after = rules.validated(tenantId, Optional.of(before), in, others, parkedIn(before));
        if (after.id() == 0) { // the default lot of a tenant made since the start: its first save
            after = after.withId(store.insert(after, clock.instant()));
            byTenant.put(tenantId, List.of());
        } else if (!store.update(after, clock.instant())) {
            throw new ParkingLotNotFoundException(id);
        }
        replace(tenantId, after);
        audit.recordChange(actor, source, "parking_lot_changed", "parking_lot", Long.toString(after.id()), "",
                state(before), state(after));
        return after;
    }

    /**
     * @throws ParkingLotNotFoundException when the tenant has no such lot
     * @throws ParkingLotInUseException    for the default lot, or while a call is parked in it
     */
    @Transactional
    public synchronized void delete(long tenantId, long id, String actor, String source) {
        ParkingLot lot = require(tenantId, id);
        if (lot.isDefault()) {
            throw new ParkingLotInUseException("The default parking lot cannot be deleted.");
        }
        List<String> parked = parkedIn(lot);
        if (!parked.isEmpty()) {
            throw new ParkingLotInUseException("A call is parked in slot " + parked.getFirst()
                    + " of " + lot.name() + ": retrieve it first.");
        }
        if (!store.delete(tenantId, id)) {
            throw new ParkingLotNotFoundException(id);
        }
        byTenant.put(tenantId, lots(tenantId).stream().filter(l -> l.id() != id).toList());
        audit.recordChange(actor, source, "parking_lot_deleted", "parking_lot", Long.toString(id), "", state(lot),
                Map.of());
    }

    /**
     * The default lot's timeout and fallback only, its numbers, name and music kept ({@code PUT
     * /api/v1/parking/settings}, the single-lot API of before).
     */
    @Transactional
    public ParkingLot saveDefaultSettings(long tenantId, Integer timeoutSeconds, DestinationCheck.Body fallback,
                                          String actor, String source) {
        ParkingLot d = defaultLot(tenantId);
        ParkingLotInput in = ParkingLotInput.of(d);
        return update(tenantId, d.id(), new ParkingLotInput(in.name(), in.parkNumber(), in.firstSlot(),
                in.lastSlot(), timeoutSeconds, fallback, in.musicOnHold()), actor, source);
    }

    private List<String> parkedIn(ParkingLot lot) {
        ParkingService p = parking.getIfAvailable();
        return p == null ? List.of() : p.parked(lot.tenantId()).stream().map(ParkedCall::slot)
                .filter(s -> lot.slot(s).isPresent()).sorted().toList();
    }

    private void replace(long tenantId, ParkingLot lot) {
        List<ParkingLot> next = new ArrayList<>(byTenant.getOrDefault(tenantId, List.of()).stream()
                .filter(l -> l.id() != lot.id()).toList());
        next.add(lot);
        byTenant.put(tenantId, sorted(next));
    }

    private static List<ParkingLot> sorted(List<ParkingLot> lots) {
        return lots.stream().sorted(Comparator.comparing((ParkingLot l) -> !l.isDefault())
                .thenComparing(l -> l.parkNumber().length()).thenComparing(ParkingLot::parkNumber)).toList();
    }

    /** A lot as the audit log shows it. */
    static Map<String, Object> state(ParkingLot l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("parkNumber", l.parkNumber());
        m.put("firstSlot", Integer.toString(l.firstSlot()));
        m.put("lastSlot", Integer.toString(l.lastSlot()));
        m.put("timeoutSeconds", l.timeoutSeconds());
        m.put("fallbackType", l.fallback().type().wire());
        m.put("fallbackTarget", l.fallback().target());
        m.put("musicOnHold", l.musicOnHold());
        return m;
    }
}
