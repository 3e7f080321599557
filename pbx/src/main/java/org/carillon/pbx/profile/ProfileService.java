package org.carillon.pbx.profile;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.CallSettings;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.extension.ExtensionStore;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.pbx.schedule.InvalidScheduleException;
import org.carillon.pbx.schedule.ScheduleLoops;
import org.carillon.pbx.schedule.ScheduleNotFoundException;
import org.carillon.pbx.schedule.TeamMembers;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.settings.Settings;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Call profiles of each extension: the built-ins are created on first use; exactly one is active; custom ones are
 * added, edited and removed; switching by name (web, API) or by position ({@code *76}).
 *
 * <p>Threads: thread-safe; the profiles of an extension are cached for the call path ({@link #activeProfile}) and
 * dropped on every change. Changes to one extension are serialised on that extension's cache key.
 */
@Service
public class ProfileService {
    private final ProfileStore store;
    private final ExtensionService extensions;
    private final ExtensionStore extensionStore;
    private final DeviceDirectory devices;
    private final DestinationCheck check;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<TeamMembers> teams;
    private final long settingRingSeconds;
    private final ConcurrentMap<Long, List<CallProfile>> cache = new ConcurrentHashMap<>();

    public ProfileService(ProfileStore store, ExtensionService extensions, ExtensionStore extensionStore,
                          DeviceDirectory devices, DestinationCheck check, AuditTrail audit, Clock clock,
                          TransactionTemplate tx, ApplicationEventPublisher events, Settings settings,
                          ObjectProvider<TeamMembers> teams) {
        this.store = store;
        this.extensions = extensions;
        this.extensionStore = extensionStore;
        this.devices = devices;
        this.check = check;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        this.teams = teams;
        this.settingRingSeconds = CallSettings.from(settings).noAnswer().toSeconds();
    }

    /** The extension's profiles by position. @throws org.carillon.pbx.extension.ExtensionNotFoundException */
    public List<CallProfile> profiles(Tenant tenant, String number, Actor actor) {
        return profiles(extensions.require(tenant, number, actor));
    }

    /** The active profile of an extension, for calls; empty when there is no such extension. */
    public Optional<CallProfile> activeProfile(long tenantId, String number) {
        // the cache answers without the database once the extension's profiles were read
        List<CallProfile> list = devices.findByNumber(tenantId, number).map(d -> cache.get(d.extensionId()))
                .orElseGet(() -> extensionStore.find(tenantId, number).map(this::profiles).orElse(List.of()));
        return list.stream().filter(CallProfile::active).findFirst();
    }

    /** The extension's mobile number ("" when none). */
    public String mobile(long tenantId, String number) {
        return extensionStore.find(tenantId, number).map(Extension::mobile).orElse("");
    }

    /**
     * Makes the profile named {@code name} (case-insensitive) or at position {@code name} active.
     *
     * @throws InvalidScheduleException (field {@code active}) naming the profiles there are
     */
    public CallProfile activate(Tenant tenant, String number, String name, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        List<CallProfile> list = profiles(e);
        String wanted = name == null ? "" : name.strip();
        CallProfile p = find(list, wanted).orElseThrow(() -> new InvalidScheduleException("active",
                "must be one of " + list.stream().map(CallProfile::name).collect(Collectors.joining(", "))));
        activate(e, p, actor.email(), actor.source(), "");
        return p;
    }

    /**
     * {@code *76}: the profile at {@code position} (empty = the one after the active one, wrapping) becomes active.
     *
     * @return the profile now active; empty when the extension or the position does not exist
     */
    public Optional<CallProfile> activateByCode(long tenantId, String number, String position) {
        return activateByCode(tenantId, number, position, "unknown");
    }

    /**
     * {@code *76} from a phone at {@code source} (its address): as {@link #activateByCode(long, String, String)}, the
     * audit line naming {@code extension <number>} and that address, as every change made by phone does.
     */
    public Optional<CallProfile> activateByCode(long tenantId, String number, String position, String source) {
        Optional<Extension> e = extensionStore.find(tenantId, number);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        List<CallProfile> list = profiles(e.get());
        Optional<CallProfile> p;
        if (position.isEmpty()) {
            int active = list.stream().filter(CallProfile::active).findFirst().map(list::indexOf).orElse(-1);
            p = Optional.of(list.get((active + 1) % list.size()));
        } else {
            p = list.stream().filter(x -> Integer.toString(x.position()).equals(position)).findFirst();
        }
        p.ifPresent(x -> activate(e.get(), x, "extension " + number, source, "by phone (*76)"));
        return p;
    }

    /**
     * The automatic switch by office hours ({@link ProfileAutoSwitch}): makes profile {@code profileId} active.
     *
     * @param why what changed, for the audit log ("office hours began")
     * @return the profile now active; empty when the extension or the profile no longer exists
     */
    Optional<CallProfile> activateAutomatically(long tenantId, String number, long profileId, String why) {
        Optional<Extension> e = extensionStore.find(tenantId, number);
        Optional<CallProfile> p = e.flatMap(x -> profiles(x).stream().filter(c -> c.id() == profileId).findFirst());
        p.ifPresent(x -> activate(e.get(), x, number + "@office-hours", "automatic: " + why, why));
        return p;
    }

    public CallProfile create(Tenant tenant, String number, ProfileInput.ProfileBody body, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        synchronized (lock(e)) {
            List<CallProfile> list = profiles(e);
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            String name = ProfileInput.name(Optional.ofNullable(body.name()), errors);
            if (find(list, name).isPresent()) {
                errors.add(new ApiProblem.FieldError("name", "is already a profile of " + number));
            }
            if (list.size() >= Profiles.MAX) {
                errors.add(new ApiProblem.FieldError("name", "no more than " + Profiles.MAX + " profiles"));
            }
            CallRule internal = ProfileInput.rule("internal", body.internal(), tenant.id(), check, errors);
            CallRule external = ProfileInput.rule("external", body.external(), tenant.id(), check, errors);
            if (!errors.isEmpty()) {
                throw new InvalidScheduleException(errors);
            }
            refuseLoops(e, internal, external);
            int position = list.stream().mapToInt(CallProfile::position).max().orElse(0) + 1;
            var p = new CallProfile(0, CallProfile.Kind.CUSTOM, name, position, false,
                    body.callWaiting() == null || body.callWaiting(), internal, external);
            long id = store.insert(tenant.id(), e.id(), p, clock.instant());
            var created = new CallProfile(id, p.kind(), p.name(), p.position(), false, p.callWaiting(), internal,
                    external);
            audit.recordChange(actor.email(), actor.source(), "profile.create", "call_profile", number, "", Map.of(),
                    AuditTrail.state(created));
            cache.remove(e.id());
            return created;
        }
    }

    /** Replaces a profile's rules (and a custom profile's name). */
    public CallProfile update(Tenant tenant, String number, String name, ProfileInput.ProfileBody body, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        synchronized (lock(e)) {
            List<CallProfile> list = profiles(e);
            CallProfile old = find(list, name).orElseThrow(() -> notFound(name));
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            String newName = old.name();
            if (body.name() != null && !body.name().strip().equalsIgnoreCase(old.name())) {
                if (old.kind() != CallProfile.Kind.CUSTOM) {
                    errors.add(new ApiProblem.FieldError("name", "of a built-in profile cannot change"));
                } else {
                    newName = ProfileInput.name(Optional.of(body.name()), errors);
                    if (find(list, newName).isPresent()) {
                        errors.add(new ApiProblem.FieldError("name", "is already a profile of " + number));
                    }
                }
            }
            CallRule internal = ProfileInput.rule("internal", body.internal(), tenant.id(), check, errors);
            CallRule external = ProfileInput.rule("external", body.external(), tenant.id(), check, errors);
            if (!errors.isEmpty()) {
                throw new InvalidScheduleException(errors);
            }
            refuseLoops(e, internal, external);
            var p = new CallProfile(old.id(), old.kind(), newName, old.position(), old.active(),
                    body.callWaiting() == null || body.callWaiting(), internal, external);
            store.update(e.id(), p, clock.instant());
            audit.recordChange(actor.email(), actor.source(), "profile.update", "call_profile", number, "",
                    AuditTrail.state(old), AuditTrail.state(p));
            cache.remove(e.id());
            return p;
        }
    }

    /** Removes a custom profile; if it was active, Available becomes active. */
    public void delete(Tenant tenant, String number, String name, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        synchronized (lock(e)) {
            List<CallProfile> list = profiles(e);
            CallProfile p = find(list, name).orElseThrow(() -> notFound(name));
            if (p.kind() != CallProfile.Kind.CUSTOM) {
                throw new InvalidScheduleException("name", "built-in profiles cannot be deleted");
            }
            tx.executeWithoutResult(s -> {
                store.delete(e.id(), p.id());
                if (p.active()) {
                    store.activate(e.id(), list.getFirst().id());
                }
            });
            audit.recordChange(actor.email(), actor.source(), "profile.delete", "call_profile", number, "",
                    AuditTrail.state(p), Map.of());
            cache.remove(e.id());
            if (p.active()) {
                events.publishEvent(new ProfileChanged(e.tenantId(), number, list.getFirst().name()));
            }
        }
    }

    /**
     * Refuses rules that send a call to {@code e} back to {@code e}: directly, through other extensions' active
     * profiles, or through a team's members. The saved profile counts whether or not it is active (it may be
     * switched on by {@code *76} at any time).
     *
     * @throws InvalidScheduleException on the first rule field that leads into the loop, naming the loop
     */
    private void refuseLoops(Extension e, CallRule internal, CallRule external) {
        Map<String, List<Destination>> graph = new HashMap<>(store.activeDestinations(e.tenantId()));
        List<Destination> own = new ArrayList<>(ProfileStore.destinations(internal));
        own.addAll(ProfileStore.destinations(external));
        graph.put(e.number(), own);
        TeamMembers members = teams.getIfAvailable(() -> (tenant, team) -> List.of());
        ScheduleLoops.findThrough(e.number(), graph, team -> members.members(e.tenantId(), team)).ifPresent(loop -> {
            String next = loop.get(1);
            String[] fields = {"internal.onNoAnswer", "internal.onBusy", "internal.onUnregistered",
                    "external.onNoAnswer", "external.onBusy", "external.onUnregistered"};
            String field = fields[0];
            for (int i = 0; i < own.size(); i++) {
                Destination d = own.get(i);
                String node = d.type() == Destination.Type.TEAM ? "team " + d.target() : d.target();
                boolean forwards = d.type() == Destination.Type.EXTENSION || d.type() == Destination.Type.TEAM;
                if (forwards && node.equals(next)) {
                    field = fields[i];
                    break;
                }
            }
            throw new InvalidScheduleException(field, "would route calls in a loop: " + ScheduleLoops.describe(loop));
        });
    }

    @EventListener
    public void onExtensionRemoved(ExtensionRemoved removed) {
        cache.remove(removed.extensionId());
    }

    private void activate(Extension e, CallProfile p, String who, String source, String detail) {
        String before;
        synchronized (lock(e)) {
            before = profiles(e).stream().filter(CallProfile::active).map(CallProfile::name).findFirst().orElse("");
            store.activate(e.id(), p.id());
            cache.remove(e.id());
        }
        audit.recordChange(who, source, "profile.activate", "call_profile", e.number(), detail,
                Map.of("active", before), Map.of("active", p.name()));
        if (!p.active()) {
            events.publishEvent(new ProfileChanged(e.tenantId(), e.number(), p.name()));
        }
    }

    private List<CallProfile> profiles(Extension e) {
        List<CallProfile> cached = cache.get(e.id());
        if (cached != null) {
            return cached;
        }
        synchronized (lock(e)) {
            List<CallProfile> list = store.list(e.id());
            if (list.isEmpty()) {
                tx.executeWithoutResult(s -> Profiles.defaults(settingRingSeconds)
                        .forEach(p -> store.insert(e.tenantId(), e.id(), p, clock.instant())));
                list = store.list(e.id());
            }
            cache.put(e.id(), list);
            return list;
        }
    }

    private static Optional<CallProfile> find(List<CallProfile> list, String nameOrPosition) {
        String key = nameOrPosition.toLowerCase(Locale.ROOT);
        return list.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(key)
                || Integer.toString(p.position()).equals(key)).findFirst();
    }

    private static ScheduleNotFoundException notFound(String name) {
        return new ScheduleNotFoundException("no call profile '" + name + "'");
    }

    /** One lock object per extension id (interned Long values are not safe to lock on). */
    private final ConcurrentMap<Long, Object> locks = new ConcurrentHashMap<>();

    private Object lock(Extension e) {
        return locks.computeIfAbsent(e.id(), id -> new Object());
    }
}
