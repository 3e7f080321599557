package org.carillon.pbx.schedule;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionForbiddenException;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tenant's and each extension's schedule: reading (cached for the call path), saving with validation and loop
 * detection, holidays and their audio, the manual override, and {@link #verdict} for calls.
 *
 * <p>Threads: thread-safe. Writes run on web threads in one transaction each and drop the cached copies afterwards;
 * reads from calls hit the cache (the first read of a tenant or extension loads it from the database).
 */
@Service
public class ScheduleService {
    private final ScheduleStore store;
    private final ExtensionService extensions;
    private final DeviceDirectory devices;
    private final TenantDirectory tenants;
    private final DestinationCheck check;
    private final ObjectProvider<TeamMembers> teams;
    private final HolidayFiles files;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ConcurrentMap<Long, TenantSchedule> byTenant = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, ExtensionSchedule> byExtension = new ConcurrentHashMap<>();

    public ScheduleService(ScheduleStore store, ExtensionService extensions, DeviceDirectory devices,
                           TenantDirectory tenants, DestinationCheck check, ObjectProvider<TeamMembers> teams,
                           HolidayFiles files, AuditTrail audit, Clock clock, TransactionTemplate tx) {
        this.store = store;
        this.extensions = extensions;
        this.devices = devices;
        this.tenants = tenants;
        this.check = check;
        this.teams = teams;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public TenantSchedule tenantSchedule(Tenant tenant) {
        return byTenant.computeIfAbsent(tenant.id(), id -> store.tenant(id, tenant.timeZone()));
    }

    /** @throws org.carillon.pbx.extension.ExtensionNotFoundException when absent or not the actor's to see */
    public ExtensionSchedule extensionSchedule(Tenant tenant, String number, Actor actor) {
        return extensionSchedule(tenant.id(), extensions.require(tenant, number, actor).id());
    }

    public List<String> exemptNumbers(Tenant tenant) {
        return store.exemptNumbers(tenant.id());
    }

    /** What the tenant's schedule says now. */
    public Verdict tenantVerdict(Tenant tenant) {
        return ScheduleEvaluator.evaluate(tenantSchedule(tenant), clock.instant());
    }

    /** What the schedule says for a call to extension {@code number} at {@code at}; open for unknown extensions. */
    public Verdict verdict(long tenantId, String number, Instant at) {
        Optional<Tenant> tenant = tenants.findById(tenantId);
        if (tenant.isEmpty()) {
            return new Verdict(Verdict.State.OPEN, Optional.empty(), "no tenant", Optional.empty());
        }
        ExtensionSchedule own = devices.findByNumber(tenantId, number)
                .map(d -> extensionSchedule(tenantId, d.extensionId()))
                .orElseGet(ExtensionSchedule::global);
        return ScheduleEvaluator.evaluate(tenantSchedule(tenant.get()), own, number, at);
    }

    /**
     * The tenant's Non-Office-Hours and Break-Time Actions, in that order, for loop checks of callees that fall back to
     * them (a team without its own out-of-hours destination); empty for an unknown tenant.
     */
    public List<Destination> tenantActions(long tenantId) {
        return tenants.findById(tenantId).map(this::tenantSchedule)
                .map(s -> List.of(s.nonOfficeAction(), s.breakAction())).orElse(List.of());
    }

    /**
     * What {@code own} says for a call to {@code number} at {@code at}, with the tenant's override, holidays, zone
     * and actions: for callees with a schedule of their own that is not an extension's (a team's own hours).
     */
    public Verdict verdict(long tenantId, String number, ExtensionSchedule own, Instant at) {
        Optional<Tenant> tenant = tenants.findById(tenantId);
        if (tenant.isEmpty()) {
            return new Verdict(Verdict.State.OPEN, Optional.empty(), "no tenant", Optional.empty());
        }
        return ScheduleEvaluator.evaluate(tenantSchedule(tenant.get()), own, number, at);
    }

    /**
     * Replaces the tenant's hours, actions, exempt extensions and (if given) time zone.
     *
     * @throws InvalidScheduleException naming each bad field, or the action that makes a loop
     */
    public TenantSchedule saveTenant(Tenant tenant, ScheduleInput.TenantBody body, Actor actor) {
        requireAdmin(actor);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ZoneId zone = tenant.timeZone();
        if (body.timeZone() != null) {
            try {
                zone = ZoneId.of(body.timeZone().strip());
                if (!body.timeZone().contains("/") && !body.timeZone().strip().equals("UTC")) {
                    throw new DateTimeException("not a region");
                }
            } catch (DateTimeException e) {
                errors.add(new ApiProblem.FieldError("timeZone", "must be an IANA time zone like Europe/Berlin"));
            }
        }
        WeeklyHours office = ScheduleInput.hours("officeHours", body.officeHours(), errors);
        WeeklyHours breaks = ScheduleInput.hours("breakHours", body.breakHours(), errors);
        var allowed = DestinationCheck.SCHEDULE;
        Destination nonOffice = body.nonOfficeHoursAction() == null ? ScheduleActions.OWN_VOICEMAIL
                : check.check(tenant.id(), "nonOfficeHoursAction", body.nonOfficeHoursAction(), allowed, errors)
                .orElse(ScheduleActions.OWN_VOICEMAIL);
        Destination breakAction = body.breakTimeAction() == null ? ScheduleActions.OWN_VOICEMAIL
                : check.check(tenant.id(), "breakTimeAction", body.breakTimeAction(), allowed, errors)
                .orElse(ScheduleActions.OWN_VOICEMAIL);
        List<Long> exempt = new ArrayList<>();
        List<String> numbers = body.exemptExtensions() == null ? List.of() : body.exemptExtensions();
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i) == null ? "" : numbers.get(i).strip();
            var device = devices.findByNumber(tenant.id(), n);
            if (device.isEmpty()) {
                errors.add(new ApiProblem.FieldError("exemptExtensions[" + i + "]", "is not an extension"));
            } else {
                exempt.add(device.get().extensionId());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        refuseLoops(tenant.id(), List.of(nonOffice, breakAction), Optional.empty(), nonOffice, breakAction);
        var current = tenantSchedule(tenant);
        var saved = new TenantSchedule(zone, office, breaks, nonOffice, breakAction, current.holidays(),
                current.override());
        Map<String, Object> before = weekly(current);
        before.put("exemptExtensions", store.exemptNumbers(tenant.id()));
        ZoneId newZone = zone;
        tx.executeWithoutResult(s -> {
            store.saveTenant(tenant.id(), saved, clock.instant());
            store.setExempt(tenant.id(), new LinkedHashSet<>(exempt), clock.instant());
            if (!newZone.equals(tenant.timeZone())) {
                tenants.changeTimeZone(tenant.id(), newZone);
            }
        });
        Map<String, Object> after = weekly(saved);
        after.put("exemptExtensions", store.exemptNumbers(tenant.id()));
        audit.recordChange(actor.email(), actor.source(), "schedule.save", "schedule", "tenant", "", before, after);
        forgetAll();
        return saved;
    }

    /**
     * Replaces one extension's schedule settings (not its holidays).
     *
     * @throws InvalidScheduleException naming each bad field, or the action that makes a loop
     */
    public ExtensionSchedule saveExtension(Tenant tenant, String number, ScheduleInput.ExtensionBody body,
                                           Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        WeeklyHours office = ScheduleInput.hours("officeHours", body.officeHours(), errors);
        WeeklyHours breaks = ScheduleInput.hours("breakHours", body.breakHours(), errors);
        var allowed = DestinationCheck.SCHEDULE;
        Optional<Destination> nonOffice = body.nonOfficeHoursAction() == null ? Optional.empty()
                : check.check(tenant.id(), "nonOfficeHoursAction", body.nonOfficeHoursAction(), allowed, errors);
        Optional<Destination> breakAction = body.breakTimeAction() == null ? Optional.empty()
                : check.check(tenant.id(), "breakTimeAction", body.breakTimeAction(), allowed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        TenantSchedule t = tenantSchedule(tenant);
        Destination effectiveNonOffice = nonOffice.orElse(t.nonOfficeAction());
        Destination effectiveBreak = breakAction.orElse(t.breakAction());
        refuseLoops(tenant.id(), List.of(t.nonOfficeAction(), t.breakAction()),
                Optional.of(Map.entry(number, List.of(effectiveNonOffice, effectiveBreak))), effectiveNonOffice,
                effectiveBreak);
        var current = extensionSchedule(tenant.id(), e.id());
        var saved = new ExtensionSchedule(body.ownHours() != null && body.ownHours(), office, breaks, nonOffice,
                breakAction, current.holidays(), body.exemptFromGlobalHolidays() != null
                && body.exemptFromGlobalHolidays());
        tx.executeWithoutResult(s -> {
            store.saveExtension(tenant.id(), e.id(), saved, clock.instant());
            audit.recordChange(actor.email(), actor.source(), "schedule.save", "schedule", number, "",
                    weekly(current), weekly(saved));
        });
        byExtension.remove(e.id());
        return saved;
    }

    /** Sets (present) or lifts (empty) the manual override. */
    public Optional<ScheduleOverride> setOverride(Tenant tenant, Optional<ScheduleInput.OverrideBody> body,
                                                  Actor actor) {
        requireAdmin(actor);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Optional<ScheduleOverride> o = body.flatMap(b -> ScheduleInput.override(b, clock.instant(), errors));
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        Optional<ScheduleOverride> before = tenantSchedule(tenant).override();
        tx.executeWithoutResult(s -> {
            if (!store.tenantSaved(tenant.id())) {
                store.saveTenant(tenant.id(), tenantSchedule(tenant), clock.instant());
            }
            store.saveOverride(tenant.id(), o);
        });
        audit.recordChange(actor.email(), actor.source(), o.isPresent() ? "schedule.override"
                : "schedule.override.lift", "schedule", "tenant", "", overrideState(before), overrideState(o));
        byTenant.remove(tenant.id());
        return o;
    }

    /** Holidays of the tenant (empty {@code number}) or of an extension. */
    public List<Holiday> holidays(Tenant tenant, Optional<String> number, Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        return store.holidays(tenant.id(), owner);
    }

    public Holiday addHoliday(Tenant tenant, Optional<String> number, ScheduleInput.HolidayBody body, Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Holiday h = ScheduleInput.holiday(0, false, body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        long id = store.insertHoliday(tenant.id(), owner, h, clock.instant());
        var created = new Holiday(id, h.name(), false, h.date(), h.time(), h.yearly());
        audit.recordChange(actor.email(), actor.source(), "holiday.create", "holiday", Long.toString(id), whose(number),
                Map.of(), AuditTrail.state(created));
        forget(tenant, owner);
        return created;
    }

    public Holiday updateHoliday(Tenant tenant, Optional<String> number, long id, ScheduleInput.HolidayBody body,
                                 Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        Holiday old = requireHoliday(tenant, owner, id);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Holiday h = ScheduleInput.holiday(id, old.audio(), body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidScheduleException(errors);
        }
        store.updateHoliday(tenant.id(), h);
        audit.recordChange(actor.email(), actor.source(), "holiday.update", "holiday", Long.toString(id),
                whose(number), AuditTrail.state(old), AuditTrail.state(h));
        forget(tenant, owner);
        return h;
    }

    public void deleteHoliday(Tenant tenant, Optional<String> number, long id, Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        Holiday h = requireHoliday(tenant, owner, id);
        store.deleteHoliday(tenant.id(), id);
        files.delete(id);
        audit.recordChange(actor.email(), actor.source(), "holiday.delete", "holiday", Long.toString(id),
                whose(number), AuditTrail.state(h), Map.of());
        forget(tenant, owner);
    }

    /** @throws InvalidScheduleException (field {@code audio}) when the file is not a playable WAV */
    public Holiday uploadAudio(Tenant tenant, Optional<String> number, long id, byte[] wav, Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        Holiday h = requireHoliday(tenant, owner, id);
        files.store(id, wav);
        store.setAudio(tenant.id(), id, true);
        var after = new Holiday(h.id(), h.name(), true, h.date(), h.time(), h.yearly());
        audit.record(actor.email(), actor.source(), "holiday.audio", "holiday", Long.toString(id),
                whose(number) + "; " + wav.length + " bytes uploaded", AuditTrail.state(h), AuditTrail.state(after));
        forget(tenant, owner);
        return after;
    }

    /** A schedule's weekly settings for the audit log; holidays and the override are logged on their own. */
    private static Map<String, Object> weekly(Record schedule) {
        Map<String, Object> state = AuditTrail.state(schedule);
        state.remove("holidays");
        state.remove("override");
        return state;
    }

    private static Map<String, Object> overrideState(Optional<ScheduleOverride> o) {
        return o.<Map<String, Object>>map(AuditTrail::state).orElse(Map.of());
    }

    /** Whose holiday, for the audit line's detail. */
    private static String whose(Optional<String> number) {
        return number.map(n -> "extension " + n).orElse("tenant");
    }

    /** The uploaded audio of a holiday. */
    public Optional<byte[]> audio(Tenant tenant, Optional<String> number, long id, Actor actor) {
        Optional<Long> owner = owner(tenant, number, actor);
        requireHoliday(tenant, owner, id);
        return files.read(id);
    }

    @EventListener
    public void onExtensionRemoved(ExtensionRemoved removed) {
        byExtension.remove(removed.extensionId());
    }

    private ExtensionSchedule extensionSchedule(long tenantId, long extensionId) {
        return byExtension.computeIfAbsent(extensionId, id -> store.extension(tenantId, id));
    }

    private Holiday requireHoliday(Tenant tenant, Optional<Long> owner, long id) {
        return store.findHoliday(tenant.id(), id).filter(h -> h.extensionId().equals(owner))
                .map(ScheduleStore.OwnedHoliday::holiday).orElseThrow(() -> ScheduleNotFoundException.holiday(id));
    }

    /** The owning extension's id, after checking the actor may read and change it. */
    private Optional<Long> owner(Tenant tenant, Optional<String> number, Actor actor) {
        if (number.isEmpty()) {
            // global holidays are the admins' to read and change
            requireAdmin(actor);
            return Optional.empty();
        }
        return Optional.of(extensions.require(tenant, number.get(), actor).id());
    }

    private void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new ExtensionForbiddenException("only an Owner or Manager may change the global schedule");
        }
    }

    private void forget(Tenant tenant, Optional<Long> owner) {
        owner.ifPresentOrElse(byExtension::remove, () -> byTenant.remove(tenant.id()));
    }

    private void forgetAll() {
        byTenant.clear();
        byExtension.clear();
    }

    /**
     * Refuses a change whose actions route a call back to where it started.
     *
     * @param tenantActions the tenant's (proposed) non-office and break actions, for extensions without their own
     * @param changed       the extension being saved with its (proposed) effective actions
     */
    private void refuseLoops(long tenantId, List<Destination> tenantActions,
                             Optional<Map.Entry<String, List<Destination>>> changed, Destination nonOffice,
                             Destination breakAction) {
        Map<String, List<Destination>> graph = new HashMap<>();
        store.ownActions(tenantId).forEach((number, own) -> graph.put(number, List.of(
                own.get(0).orElse(tenantActions.get(0)), own.get(1).orElse(tenantActions.get(1)))));
        changed.ifPresent(c -> graph.put(c.getKey(), c.getValue()));
        TeamMembers members = teams.getIfAvailable(() -> (tenant, team) -> List.of());
        graph.putAll(members.edges(tenantId, tenantActions));
        ScheduleLoops.find(graph, team -> members.members(tenantId, team)).ifPresent(loop -> {
            boolean viaNonOffice = loop.stream().anyMatch(n -> n.equals(nonOffice.target())
                    || n.equals("team " + nonOffice.target()));
            boolean viaBreak = loop.stream().anyMatch(n -> n.equals(breakAction.target())
                    || n.equals("team " + breakAction.target()));
            String field = viaNonOffice || !viaBreak ? "nonOfficeHoursAction" : "breakTimeAction";
            throw new InvalidScheduleException(field, "would route calls in a loop: " + ScheduleLoops.describe(loop));
        });
    }
}
