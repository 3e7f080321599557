package org.carillon.pbx.registrar;

import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.extension.DeviceCountChanged;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.ExtensionPresence;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionStatus;
import org.carillon.pbx.extension.ExtensionStatusChanged;
import org.carillon.pbx.extension.Registration;
import org.carillon.platform.settings.Settings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The registrar's state and rules (SPEC §1): applies REGISTERs to the {@link BindingTable}, answers what the rest of
 * the PBX asks about devices ({@link ExtensionPresence}), drops lapsed bindings on the injected clock, and tells
 * the write-behind and the status listeners about every change.
 *
 * <p>Threads: thread-safe.
 */
@Component
public class Registrar implements ExtensionPresence {
    private final RegistrarSettings settings;
    private final RegistrationRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DeviceDirectory devices;
    private final BindingTable table = new BindingTable(this::changed);
    /** What listeners were last told of each extension: its status and how many devices it has. */
    private final ConcurrentHashMap<Long, Seen> lastSeen = new ConcurrentHashMap<>();
    private volatile LongConsumer writeBehind = id -> { };

    @org.springframework.beans.factory.annotation.Autowired
    public Registrar(Settings settings, Clock clock, ApplicationEventPublisher events, DeviceDirectory devices) {
        this(RegistrarSettings.from(settings), clock, events, devices);
    }

    Registrar(RegistrarSettings settings, Clock clock, ApplicationEventPublisher events, DeviceDirectory devices) {
        this.settings = settings;
        this.rules = new RegistrationRules(settings);
        this.clock = clock;
        this.events = events;
        this.devices = devices;
    }

    public RegistrarSettings settings() {
        return settings;
    }

    void writeBehind(LongConsumer consumer) {
        this.writeBehind = consumer;
    }

    /** Applies a REGISTER of {@code account}'s extension (already authenticated). */
    RegisterOutcome register(DeviceAccount account, RegisterRequest request) {
        // milliseconds: what the database keeps exactly, so a binding read back after a restart is the same
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return table.update(account.extensionId(), account.tenantId(),
                before -> rules.apply(account.extensionId(), account.tenantId(), before, request, now));
    }

    /** Tells listeners that a device of {@code account} registered (called once the 200 OK is on its way). */
    void announceRegistered(DeviceAccount account) {
        events.publishEvent(new DeviceRegistered(account.tenantId(), account.extensionId()));
    }

    /** The current bindings of an extension, oldest first. */
    public List<Binding> bindings(long extensionId) {
        return table.current(extensionId, clock.instant());
    }

    @Override
    public ExtensionStatus status(long extensionId) {
        return statusOf(bindings(extensionId));
    }

    private static ExtensionStatus statusOf(List<Binding> bindings) {
        if (bindings.isEmpty()) {
            return ExtensionStatus.UNREGISTERED;
        }
        return bindings.stream().anyMatch(Binding::reachable) ? ExtensionStatus.READY : ExtensionStatus.UNREACHABLE;
    }

    @Override
    public List<Registration> registrations(long extensionId) {
        return bindings(extensionId).stream()
                .map(b -> new Registration(b.contact(), b.expiresAt(), b.userAgent(), b.sourceText())).toList();
    }

    /** Removes lapsed bindings now (the sweeper calls it every second; tests after moving the clock). */
    public int sweep() {
        return table.sweep(clock.instant());
    }

    /** Forgets every binding (tests). Status listeners are told. */
    public void reset() {
        for (var id : table.snapshot().keySet()) {
            var list = table.raw(id);
            table.remove(id, list.isEmpty() ? 0 : list.getFirst().tenantId());
        }
    }

    /** The total number of bindings held. */
    public int bindingCount() {
        return table.bindingCount();
    }

    /** A tenant's registered devices now: live contacts, and extensions with at least one (the dashboard). */
    public Registered registered(long tenantId) {
        return table.registered(tenantId, clock.instant());
    }

    @EventListener
    public void onRemoved(ExtensionRemoved removed) {
        table.remove(removed.extensionId(), removed.tenantId());
        lastSeen.remove(removed.extensionId());
    }

    void load(List<Binding> bindings) {
        bindings.stream().collect(java.util.stream.Collectors.groupingBy(Binding::extensionId))
                .forEach((id, list) -> {
                    if (devices.findById(id).isPresent()) {
                        table.load(id, list);
                        lastSeen.put(id, new Seen(statusOf(list), list.size()));
                    }
                });
    }

    /** What the write-behind stores for an extension. */
    List<Binding> stored(long extensionId) {
        return table.current(extensionId, clock.instant());
    }

    Snapshot snapshot() {
        return new Snapshot(table.snapshot());
    }

    /** All bindings at one moment, for the keep-alive. */
    record Snapshot(java.util.Map<Long, List<Binding>> byExtension) {
    }

    void markPinged(Binding b, Instant at) {
        table.mark(b.extensionId(), b.tenantId(), b.contact(), x -> x.pingSentAt().equals(Instant.EPOCH)
                ? x.withPing(at) : x);
    }

    void markAnswered(Binding b) {
        table.mark(b.extensionId(), b.tenantId(), b.contact(), Binding::answered);
    }

    void markUnreachable(Binding b) {
        table.mark(b.extensionId(), b.tenantId(), b.contact(), Binding::unreachable);
    }

    private void changed(long extensionId, long tenantId) {
        writeBehind.accept(extensionId);
        List<Binding> current = bindings(extensionId);
        Seen now = new Seen(statusOf(current), current.size());
        Seen before = lastSeen.put(extensionId, now);
        ExtensionStatus was = before == null ? null : before.status();
        if (was != now.status() && !(was == null && now.status() == ExtensionStatus.UNREGISTERED)) {
            events.publishEvent(new ExtensionStatusChanged(tenantId, extensionId, number(extensionId), now.status()));
        } else if (before != null && before.devices() != now.devices()) {
            // a second phone of a registered extension: the status stays, the device count (dashboard) moves
            events.publishEvent(new DeviceCountChanged(tenantId, extensionId, number(extensionId), now.status()));
        }
    }

    private String number(long extensionId) {
        return devices.findById(extensionId).map(DeviceAccount::number).orElse("");
    }

    private record Seen(ExtensionStatus status, int devices) {
    }
}
