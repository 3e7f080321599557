package org.carillon.pbx.schedule;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/schedule} (the tenant's global schedule, holidays, override: Owner and Manager) and
 * {@code /api/v1/extensions/{number}/schedule|holidays} (Owner, Manager, or the extension's own user; another
 * user's extension answers 404).
 */
@RestController
@RequestMapping("/api/v1")
@ScheduleErrors
@Allowed(Permission.OWN_STATUS)
public class ScheduleApiController {
    private static final String WAV = "audio/wav";
    private final ScheduleService service;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final Clock clock;

    public ScheduleApiController(ScheduleService service, TenantDirectory tenants, ActorResolver actors, Clock clock) {
        this.service = service;
        this.tenants = tenants;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/schedule")
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.TenantView tenant() {
        return tenantView(tenants.current());
    }

    @PutMapping("/schedule")
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.TenantView saveTenant(@RequestBody ScheduleInput.TenantBody body, Authentication auth,
                                               HttpServletRequest request) {
        service.saveTenant(tenants.current(), body, actor(auth, request));
        return tenantView(tenants.current());
    }

    @PutMapping("/schedule/override")
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.TenantView override(@RequestBody ScheduleInput.OverrideBody body, Authentication auth,
                                             HttpServletRequest request) {
        service.setOverride(tenants.current(), Optional.of(body), actor(auth, request));
        return tenantView(tenants.current());
    }

    @DeleteMapping("/schedule/override")
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.TenantView liftOverride(Authentication auth, HttpServletRequest request) {
        service.setOverride(tenants.current(), Optional.empty(), actor(auth, request));
        return tenantView(tenants.current());
    }

    @GetMapping("/extensions/{number}/schedule")
    public ScheduleViews.ExtensionView extension(@PathVariable String number, Authentication auth,
                                                 HttpServletRequest request) {
        return extensionView(tenants.current(), number, actor(auth, request));
    }

    @PutMapping("/extensions/{number}/schedule")
    public ScheduleViews.ExtensionView saveExtension(@PathVariable String number,
                                                     @RequestBody ScheduleInput.ExtensionBody body,
                                                     Authentication auth, HttpServletRequest request) {
        Actor actor = actor(auth, request);
        service.saveExtension(tenants.current(), number, body, actor);
        return extensionView(tenants.current(), number, actor);
    }

    // Holidays: the same handlers serve the tenant (no number) and one extension.

    @GetMapping("/schedule/holidays")
    @Allowed(Permission.SCHEDULES)
    public List<ScheduleViews.HolidayView> globalHolidays(Authentication auth, HttpServletRequest request) {
        return holidays(Optional.empty(), auth, request);
    }

    @GetMapping("/extensions/{number}/holidays")
    public List<ScheduleViews.HolidayView> extensionHolidays(@PathVariable String number, Authentication auth,
                                                             HttpServletRequest request) {
        return holidays(Optional.of(number), auth, request);
    }

    // the tenant's holidays (Owner, Manager) and an extension's own (its user, or an admin) share the logic
    @PostMapping("/schedule/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.HolidayView addTenantHoliday(@RequestBody ScheduleInput.HolidayBody body,
                                                      Authentication auth, HttpServletRequest request) {
        return addHoliday(Optional.empty(), body, auth, request);
    }

    @PostMapping("/extensions/{number}/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    public ScheduleViews.HolidayView addHoliday(@PathVariable Optional<String> number,
                                                @RequestBody ScheduleInput.HolidayBody body, Authentication auth,
                                                HttpServletRequest request) {
        return ScheduleViews.HolidayView.of(service.addHoliday(tenants.current(), number, body,
                actor(auth, request)));
    }

    @PutMapping("/schedule/holidays/{id}")
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.HolidayView updateTenantHoliday(@PathVariable long id,
                                                         @RequestBody ScheduleInput.HolidayBody body,
                                                         Authentication auth, HttpServletRequest request) {
        return updateHoliday(Optional.empty(), id, body, auth, request);
    }

    @PutMapping("/extensions/{number}/holidays/{id}")
    public ScheduleViews.HolidayView updateHoliday(@PathVariable Optional<String> number, @PathVariable long id,
                                                   @RequestBody ScheduleInput.HolidayBody body, Authentication auth,
                                                   HttpServletRequest request) {
        return ScheduleViews.HolidayView.of(service.updateHoliday(tenants.current(), number, id, body,
                actor(auth, request)));
    }

    @DeleteMapping("/schedule/holidays/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Permission.SCHEDULES)
    public void deleteTenantHoliday(@PathVariable long id, Authentication auth, HttpServletRequest request) {
        deleteHoliday(Optional.empty(), id, auth, request);
    }

    @DeleteMapping("/extensions/{number}/holidays/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteHoliday(@PathVariable Optional<String> number, @PathVariable long id, Authentication auth,
                              HttpServletRequest request) {
        service.deleteHoliday(tenants.current(), number, id, actor(auth, request));
    }

    /** The audio file as the body ({@code Content-Type: audio/wav}). */
    @PutMapping(path = "/schedule/holidays/{id}/audio",
            consumes = {WAV, "audio/x-wav", "audio/wave", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Permission.SCHEDULES)
    public ScheduleViews.HolidayView uploadTenantAudio(@PathVariable long id, @RequestBody byte[] wav,
                                                       Authentication auth, HttpServletRequest request) {
        return uploadAudio(Optional.empty(), id, wav, auth, request);
    }

    @PutMapping(path = "/extensions/{number}/holidays/{id}/audio",
            consumes = {WAV, "audio/x-wav", "audio/wave", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ScheduleViews.HolidayView uploadAudio(@PathVariable Optional<String> number, @PathVariable long id,
                                                 @RequestBody byte[] wav, Authentication auth,
                                                 HttpServletRequest request) {
        return ScheduleViews.HolidayView.of(service.uploadAudio(tenants.current(), number, id, wav,
                actor(auth, request)));
    }

    @GetMapping("/schedule/holidays/{id}/audio")
    @Allowed(Permission.SCHEDULES)
    public ResponseEntity<byte[]> tenantAudio(@PathVariable long id, Authentication auth,
                                              HttpServletRequest request) {
        return audio(Optional.empty(), id, auth, request);
    }

    @GetMapping("/extensions/{number}/holidays/{id}/audio")
    public ResponseEntity<byte[]> audio(@PathVariable Optional<String> number, @PathVariable long id,
                                        Authentication auth, HttpServletRequest request) {
        return service.audio(tenants.current(), number, id, actor(auth, request))
                .map(b -> ResponseEntity.ok().contentType(MediaType.parseMediaType(WAV)).body(b))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private List<ScheduleViews.HolidayView> holidays(Optional<String> number, Authentication auth,
                                                     HttpServletRequest request) {
        return service.holidays(tenants.current(), number, actor(auth, request)).stream()
                .map(ScheduleViews.HolidayView::of).toList();
    }

    private ScheduleViews.TenantView tenantView(Tenant tenant) {
        TenantSchedule s = service.tenantSchedule(tenant);
        return new ScheduleViews.TenantView(tenant.timeZone().getId(), ScheduleInput.wire(s.office()),
                ScheduleInput.wire(s.breaks()), s.nonOfficeAction(), s.breakAction(), service.exemptNumbers(tenant),
                s.override().filter(o -> o.activeAt(clock.instant())).orElse(null),
                s.holidays().stream().map(ScheduleViews.HolidayView::of).toList(),
                ScheduleViews.StatusView.of(service.tenantVerdict(tenant)));
    }

    private ScheduleViews.ExtensionView extensionView(Tenant tenant, String number, Actor actor) {
        ExtensionSchedule s = service.extensionSchedule(tenant, number, actor);
        return new ScheduleViews.ExtensionView(s.ownHours(), ScheduleInput.wire(s.office()),
                ScheduleInput.wire(s.breaks()), s.nonOfficeAction().orElse(null), s.breakAction().orElse(null),
                s.exemptFromGlobalHolidays(), s.holidays().stream().map(ScheduleViews.HolidayView::of).toList(),
                ScheduleViews.StatusView.of(service.verdict(tenant.id(), number, clock.instant())));
    }

    private Actor actor(Authentication auth, HttpServletRequest request) {
        return actors.resolve(auth, request);
    }
}
