package org.carillon.pbx.profile;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.schedule.InvalidScheduleException;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * "Switch profile automatically" by office hours (SPEC §2.4): each second the {@link #sweep} asks every switched
 * extension's schedule (in the tenant's zone, through the injected clock, so DST days follow
 * {@link org.carillon.pbx.schedule.ScheduleEvaluator}) whether it is in office hours, and at a change of phase makes
 * the configured profile active — as the web or {@code *76} would, audited and published as {@link ProfileChanged}.
 * A manual switch holds until the next change of phase. Turning the switch on applies the current phase's profile at
 * the next sweep.
 *
 * <p>Threads: thread-safe; the sweep runs on Spring's scheduler, changes on web threads, serialised on this object.
 */
@Service
public class ProfileAutoSwitch implements SmartInitializingSingleton {
    private final AutoSwitchStore store;
    private final ProfileService profiles;
    private final ScheduleService schedules;
    private final ExtensionService extensions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConcurrentMap<Long, AutoSwitch> byExtension = new ConcurrentHashMap<>();

    public ProfileAutoSwitch(AutoSwitchStore store, ProfileService profiles, ScheduleService schedules,
                             ExtensionService extensions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.schedules = schedules;
        this.extensions = extensions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Body of {@code PUT /api/v1/extensions/{number}/profile/automatic}; absent profiles: Available, Away. */
    public record Body(Boolean enabled, String inOfficeHours, String outsideOfficeHours) {
    }

    /**
     * The setting as shown: when off, the profiles it would use.
     *
     * @param enabled            whether the switch is on
     * @param inOfficeHours      the profile's name for office hours
     * @param outsideOfficeHours the profile's name outside them
     */
    public record View(boolean enabled, String inOfficeHours, String outsideOfficeHours) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.all().forEach(a -> byExtension.put(a.extensionId(), a));
    }

    /** @throws org.carillon.pbx.extension.ExtensionNotFoundException when absent or not the actor's to see */
    public View view(Tenant tenant, String number, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        List<CallProfile> list = profiles.profiles(tenant, number, actor);
        AutoSwitch a = byExtension.get(e.id());
        if (a == null) {
            return new View(false, "available", "away");
        }
        return new View(true, name(list, a.officeProfileId()), name(list, a.outsideProfileId()));
    }

    /**
     * Turns the switch on with the two profiles (by name or position), or off.
     *
     * @throws InvalidScheduleException naming {@code enabled}, {@code inOfficeHours} or {@code outsideOfficeHours}
     */
    public synchronized View save(Tenant tenant, String number, Body body, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        List<CallProfile> list = profiles.profiles(tenant, number, actor);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (body.enabled() == null) {
            errors.add(new ApiProblem.FieldError("enabled", "is required (true or false)"));
        }
        Optional<CallProfile> office = pick(list, "inOfficeHours", body.inOfficeHours(), "available", errors);
        Optional<CallProfile> outside = pick(list, "outsideOfficeHours", body.outsideOfficeHours(), "away", errors);
        if (office.isPresent() && outside.isPresent() && office.get().id() == outside.get().id()) {
            errors.add(new ApiProblem.FieldError("outsideOfficeHours", "must differ from inOfficeHours"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        Map<String, Object> before = auditState(list, byExtension.get(e.id()));
        if (!body.enabled()) {
            store.delete(e.id());
            byExtension.remove(e.id());
            audit.recordChange(actor.email(), actor.source(), "profile.auto", "call_profile", number, "",
                    before, auditState(list, null));
            return view(tenant, number, actor);
        }
        var a = new AutoSwitch(e.id(), e.tenantId(), number, office.get().id(), outside.get().id(), Optional.empty());
        store.save(a, clock.instant());
        byExtension.put(e.id(), a);
        audit.recordChange(actor.email(), actor.source(), "profile.auto", "call_profile", number, "",
                before, auditState(list, a));
        return view(tenant, number, actor);
    }

    /** The automatic switch as the audit log shows it: off, or which profile in and outside office hours. */
    private static Map<String, Object> auditState(List<CallProfile> profiles, AutoSwitch a) {
        if (a == null) {
            return Map.of("automatic", false);
        }
        return Map.of("automatic", true, "inOfficeHours", name(profiles, a.officeProfileId()),
                "outsideOfficeHours", name(profiles, a.outsideProfileId()));
    }

    /** Applies the profile of every switched extension whose phase changed since its last switch. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public synchronized void sweep() {
        for (AutoSwitch a : List.copyOf(byExtension.values())) {
            AutoSwitch.Phase now = schedules.verdict(a.tenantId(), a.number(), clock.instant()).open()
                    ? AutoSwitch.Phase.OFFICE : AutoSwitch.Phase.OUTSIDE;
            a.due(now).ifPresent(profileId -> {
                String why = now == AutoSwitch.Phase.OFFICE ? "office hours began" : "office hours ended";
                if (profiles.activateAutomatically(a.tenantId(), a.number(), profileId, why).isEmpty()) {
                    // the profile was deleted (its row cascaded away): the switch is off
                    byExtension.remove(a.extensionId());
                    return;
                }
                store.setPhase(a.extensionId(), now, clock.instant());
                byExtension.put(a.extensionId(), a.applied(now));
            });
        }
    }

    @EventListener
    public void onExtensionRemoved(ExtensionRemoved removed) {
        byExtension.remove(removed.extensionId());
    }

    private static Optional<CallProfile> pick(List<CallProfile> list, String field, String wanted, String fallback,
                                              List<ApiProblem.FieldError> errors) {
        String key = (wanted == null || wanted.isBlank() ? fallback : wanted.strip()).toLowerCase(Locale.ROOT);
        Optional<CallProfile> p = list.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(key)
                || Integer.toString(c.position()).equals(key)).findFirst();
        if (p.isEmpty()) {
            errors.add(new ApiProblem.FieldError(field, "must be one of "
                    + list.stream().map(CallProfile::name).collect(Collectors.joining(", "))));
        }
        return p;
    }

    private static String name(List<CallProfile> list, long id) {
        return list.stream().filter(c -> c.id() == id).map(CallProfile::name).findFirst().orElse("");
    }
}
