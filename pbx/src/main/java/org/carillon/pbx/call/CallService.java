package org.carillon.pbx.call;

import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.registrar.DeviceAuthenticator;
import org.carillon.pbx.registrar.Registrar;
import org.carillon.pbx.sipserver.SipServer;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.settings.Settings;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.clock.WheelScheduler;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.uri.SipUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The call engine's entry points: a new INVITE becomes a {@link Call} (after digest authentication of the calling
 * device, RFC 3261 §22.3 with 407), in-dialog requests and CANCELs find theirs, and the admin lists and hangs up
 * live calls. Each call gets its own {@link CallExecutor}; the service itself holds no per-call state beyond the
 * {@link CallRegistry}.
 *
 * <p>Threads: thread-safe. Entry points may be called on any thread; they hand the work to the call's executor.
 */
@Component
public class CallService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final CallSettings settings;
    private final CallMedia media;
    private final CallRegistry registry;
    private final Registrar registrar;
    private final DeviceDirectory devices;
    private final TenantDirectory tenants;
    private final DeviceAuthenticator authenticator;
    private final Router router;
    private final Map<Destination.Type, CallApplication> applications = new EnumMap<>(Destination.Type.class);
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Signalling signalling;
    private final WheelScheduler scheduler = new WheelScheduler();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CallForwarding forwarding;
    private final org.springframework.beans.factory.ObjectProvider<CallParking> parking;
    /** Calls the PBX placed (click-to-call), by their id and by each branch's Call-ID. */
    private final Map<String, Origination> originations = new ConcurrentHashMap<>();

    public CallService(Settings settings, CallMedia media, CallRegistry registry, Registrar registrar,
                       DeviceDirectory devices, TenantDirectory tenants, DeviceAuthenticator authenticator,
                       Router router, List<CallApplication> applications,
                       ApplicationEventPublisher events, Clock clock,
                       org.springframework.beans.factory.ObjectProvider<SipServer> sipServer,
                       org.springframework.beans.factory.ObjectProvider<CallForwarding> forwarding,
                       org.springframework.beans.factory.ObjectProvider<CallParking> parking) {
        this.settings = CallSettings.from(settings);
        this.media = media;
        this.registry = registry;
        this.registrar = registrar;
        this.devices = devices;
        this.tenants = tenants;
        this.authenticator = authenticator;
        this.router = router;
        applications.forEach(a -> this.applications.put(a.type(), a));
        this.events = events;
        this.clock = clock;
        this.forwarding = forwarding.getIfAvailable(() -> new DefaultCallForwarding(this.settings.noAnswer()));
        this.parking = parking;
        // the SIP server needs our handlers and we need its stack: look it up when the first call sends
        this.signalling = new Signalling(() -> sipServer.getObject().stack()
                .orElseThrow(() -> new IllegalStateException("SIP server not running")), media.address());
    }

    // ---- entry points from the SIP handlers ----

    /** A new INVITE (no To tag): authenticate the calling device, then start a call on its own executor. */
    void invite(ServerTransaction tx) {
        SipRequest request = tx.request();
        Optional<Tenant> tenant = request.requestUri() instanceof SipUri ru ? tenants.forDomain(ru.host())
                : Optional.empty();
        Optional<String> dialled = request.requestUri() instanceof SipUri ru ? ru.user() : Optional.empty();
        if (tenant.isEmpty() || dialled.isEmpty()) {
            tx.respond(404);
            return;
        }
        // the device is whoever the credentials name; they must then be that device's own
        var outcome = authenticator.authenticateClaimed(tx, tenant.get().sipDomain(), devices::findByUsername);
        if (outcome instanceof DeviceAuthenticator.Outcome.Failed) {
            return;
        }
        if (!(outcome instanceof DeviceAuthenticator.Outcome.Authenticated ok)
                || ok.account().tenantId() != tenant.get().id()) {
            if (outcome instanceof DeviceAuthenticator.Outcome.Authenticated) {
                tx.respond(403);
            }
            return;
        }
        Optional<String> replaces = request.headers().first("Replaces");
        if (replaces.isPresent()) {
            replacing(tx, replaces.get(), ok.account());
            return;
        }
        Call call = new Call(this, new CallExecutor(threads), tenant.get(), ok.account(), tx, dialled.get());
        if (!registry.add(call)) {
            tx.respond(482); // a second INVITE with a live call's Call-ID and no To tag: a loop (§8.2.2.2)
            return;
        }
        call.executor().execute(call::start);
    }

    /** A request inside a call's dialog (BYE, re-INVITE, UPDATE, INFO, REFER); 481 when no call has it. */
    void inDialog(ServerTransaction tx) {
        Optional<Call> call = registry.findByCallId(tx.request().callId());
        if (call.isPresent()) {
            call.get().executor().execute(() -> call.get().onRequest(tx));
            return;
        }
        Origination o = originations.get(tx.request().callId());
        if (o != null) {
            o.executor().execute(() -> o.onRequest(tx));
        } else {
            tx.respond(481);
        }
    }

    /**
     * Runs {@code task} on the executor of the call (or PBX-placed call) that holds the dialog {@code callId} now,
     * with its party; nothing when none does (the call ended, or the party left it).
     */
    void onDialog(String callId, java.util.function.BiConsumer<BranchOwner, Party> task) {
        Optional<Call> call = registry.findByCallId(callId);
        BranchOwner owner = call.isPresent() ? call.get() : originations.get(callId);
        if (owner != null) {
            owner.executor().execute(() -> owner.partyOf(callId).ifPresent(p -> task.accept(owner, p)));
        }
    }

    void cancelled(ServerTransaction invite) {
        registry.findByCallId(invite.request().callId())
                .ifPresent(call -> call.executor().execute(() -> Teardown.onCancelled(call, invite)));
    }

    /**
     * An INVITE with Replaces (RFC 3891) naming a ringing call's early dialog, as a BLF key sends to pick it up:
     * the ringing call is answered by this INVITE. Anything else it names is refused 481 (§3: no such dialog).
     */
    private void replacing(ServerTransaction tx, String replaces, DeviceAccount picker) {
        String callId = replaces.split(";", 2)[0].trim();
        Optional<Call> parked = registry.findByCallId(callId).filter(c -> c.tenantId() == picker.tenantId());
        if (parked.isPresent() && Parking.replacing(tx, picker, parked.get())) {
            return; // a parking slot's lamp pressed: the parked call is retrieved
        }
        Optional<Call> target = registry.findByCallId(callId)
                .filter(c -> c.tenantId() == picker.tenantId() && c.ringsFor(""));
        if (target.isEmpty()) {
            tx.respond(481);
            return;
        }
        registry.alias(tx.request().callId(), target.get());
        target.get().executor().execute(() -> Pickup.pickedUpBy(target.get(), tx, picker));
    }

    /** The ACK of our 2xx to a caller (it answers a late offer). */
    void acked(SipRequest ack) {
        registry.findByCallId(ack.callId()).ifPresent(call -> call.executor().execute(() -> call.onAck(ack)));
    }

    void noAck(ServerTransaction invite) {
        registry.findByCallId(invite.request().callId()).ifPresent(call -> call.executor().execute(call::onNoAck));
    }

    // ---- the admin's view ----

    /** Live calls of a tenant, oldest first. */
    public List<ActiveCall> active(long tenantId) {
        var placed = originations.entrySet().stream().filter(e -> e.getKey().equals(e.getValue().id()))
                .map(Map.Entry::getValue).filter(o -> o.tenantId() == tenantId).map(Origination::view);
        return java.util.stream.Stream.concat(registry.calls().stream().filter(c -> c.tenantId() == tenantId)
                        .map(Call::view), placed)
                .filter(v -> v.state() != CallState.ENDED)
                .sorted(Comparator.comparing(ActiveCall::startedAt)).toList();
    }

    /** Hangs up a live call. @return false when no such call is live in the tenant */
    public boolean hangUp(long tenantId, String id) {
        Optional<Call> call = registry.find(id).filter(c -> c.tenantId() == tenantId);
        call.ifPresent(c -> c.executor().execute(() -> c.hangUp("admin")));
        Optional<Origination> placed = Optional.ofNullable(originations.get(id)).filter(o -> o.tenantId() == tenantId);
        placed.ifPresent(o -> o.executor().execute(() -> o.hangUp("admin")));
        return call.isPresent() || placed.isPresent();
    }

    // ---- calls the PBX places (click-to-call) ----

    /**
     * Click-to-call: rings every registered phone of extension {@code from}; when one answers, rings extension
     * {@code to} and bridges them ({@link Origination}). Returns at once with the new call's id; what happens next is
     * in the active calls and, once over, in the history. Any thread.
     *
     * @throws OriginationRefusedException when {@code from} or {@code to} is no extension of the tenant, they are the
     *                                     same, or {@code from} has no registered phone
     */
    public String originate(long tenantId, String from, String to) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant"));
        DeviceAccount user = devices.findByNumber(tenantId, from).orElseThrow(() -> new OriginationRefusedException(
                OriginationRefusedException.Reason.INVALID, "from", "There is no extension " + from + "."));
        if (devices.findByNumber(tenantId, to).isEmpty()) {
            throw new OriginationRefusedException(OriginationRefusedException.Reason.INVALID, "to",
                    "There is no extension " + to + " to call.");
        }
        if (from.equals(to)) {
            throw new OriginationRefusedException(OriginationRefusedException.Reason.INVALID, "to",
                    "Extension " + to + " cannot call itself.");
        }
        List<org.carillon.pbx.registrar.Binding> bindings = registrar.bindings(user.extensionId());
        if (bindings.isEmpty()) {
            throw new OriginationRefusedException(OriginationRefusedException.Reason.NOT_REGISTERED, "from",
                    "Extension " + from + " has no registered phone to ring first.");
        }
        Origination o = new Origination(this, new CallExecutor(threads), tenant, from, to);
        originations.put(o.id(), o);
        o.executor().execute(() -> o.start(bindings));
        return o.id();
    }

    void originated(String callId, Origination o) {
        originations.put(callId, o);
    }

    void changed(Origination o) {
        events.publishEvent(new ActiveCallsChanged(o.view(), clock));
    }

    void originationEnded(Origination o, CallRecord record, List<String> aliases) {
        originations.remove(o.id());
        aliases.forEach(originations::remove);
        try {
            events.publishEvent(new CallEnded(record, clock));
        } finally {
            events.publishEvent(new ActiveCallsChanged(o.view(), clock));
        }
    }

    // ---- what calls use ----

    /**
     * {@code *8} (target empty: any call ringing in the tenant — the caller's teams once teams exist) or
     * {@code **<ext>} (the call ringing that extension): the oldest such call is answered by the picker's INVITE.
     * Runs on the picker's executor; the picker's own call is then forgotten without history.
     */
    void pickup(Call picker, String target) {
        Optional<Call> ringing = registry.calls().stream()
                .filter(c -> c != picker && c.tenantId() == picker.tenantId() && c.ringsFor(target))
                .filter(c -> !c.callerAccount().number().equals(picker.callerAccount().number()))
                .min(Comparator.comparing(c -> c.published().map(ActiveCall::startedAt).orElse(java.time.Instant.MAX)));
        if (ringing.isEmpty()) {
            picker.fail(404, CallResult.FAILED); // nothing to pick up
            return;
        }
        Call c = ringing.get();
        picker.handedOver();
        registry.alias(picker.callerCallId(), c);
        ServerTransaction tx = picker.callerTransaction(); // on the picker's executor, which owns its leg
        c.executor().execute(() -> Pickup.pickedUpBy(c, tx, picker.callerAccount()));
    }

    void changed(Call call) {
        events.publishEvent(new ActiveCallsChanged(call.view(), clock));
    }

    /**
     * The call is over: live state first (lamps, walls, the active list), then the history, whose listener waits on
     * this call's thread for the group commit (up to ~100 ms) — nobody watching a lamp should wait for that.
     */
    void ended(Call call, CallRecord record, List<String> aliases) {
        registry.remove(call, aliases);
        log.debug("call {} ended: {}", record.id(), record.result());
        try {
            events.publishEvent(new ActiveCallsChanged(call.view(), clock));
        } finally {
            events.publishEvent(new CallEnded(record, clock));
        }
    }

    Optional<CallApplication> application(Destination.Type type) {
        return Optional.ofNullable(applications.get(type));
    }

    /** How extensions ring and where unanswered calls go (the call profiles' bean, else the default). */
    CallForwarding forwarding() {
        return forwarding;
    }

    /** Where parked calls wait, if the parking feature is there. */
    Optional<CallParking> parking() {
        return Optional.ofNullable(parking.getIfAvailable());
    }

    CallSettings settings() {
        return settings;
    }

    CallMedia media() {
        return media;
    }

    CallRegistry registry() {
        return registry;
    }

    Registrar registrar() {
        return registrar;
    }

    DeviceDirectory devices() {
        return devices;
    }

    Router router() {
        return router;
    }

    Clock clock() {
        return clock;
    }

    Signalling signalling() {
        return signalling;
    }

    SipScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        threads.shutdown();
    }
}
