package org.carillon.pbx.profile;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.schedule.ExtensionSchedule;
import org.carillon.pbx.schedule.HolidayFormActions;
import org.carillon.pbx.schedule.InvalidScheduleException;
import org.carillon.pbx.schedule.ScheduleForms;
import org.carillon.pbx.schedule.ScheduleInput;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.schedule.ScheduleViews;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An extension's Schedules, Holidays and Call controls (SPEC §5): the profile switch, the weekly grid, its actions
 * and holidays. {@code /extensions/{number}/schedule} for Owner and Manager, {@code /my/schedule} for the signed-in
 * user's own extension.
 */
@Controller
@Allowed(Permission.OWN_STATUS)
public class CallControlsPageController {
    private final ScheduleService schedules;
    private final ProfileService profiles;
    private final ProfileAutoSwitch automatic;
    private final HolidayFormActions holidays;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final Clock clock;

    public CallControlsPageController(ScheduleService schedules, ProfileService profiles, ProfileAutoSwitch automatic,
                                      HolidayFormActions holidays, TenantDirectory tenants, ActorResolver actors,
                                      Clock clock) {
        this.schedules = schedules;
        this.profiles = profiles;
        this.automatic = automatic;
        this.holidays = holidays;
        this.tenants = tenants;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping({"/extensions/{number}/schedule", "/my/schedule"})
    public String page(@PathVariable Optional<String> number, Authentication auth, HttpServletRequest request,
                       Model model) {
        Actor actor = actors.resolve(auth, request);
        if (number.isEmpty() && actor.extension().isEmpty()) {
            // the side menu offers "My schedule" to everyone; an account without an extension (the first-start
            // Owner) gets a page that says so, as My calls and Voicemail do, not a 404
            model.addAttribute("active", "my-schedule");
            return "pbx/schedule/no-extension";
        }
        return render(tenants.current(), extension(number, actor), actor, Map.of(), Map.of(), model,
                number.isEmpty());
    }

    @PostMapping({"/extensions/{number}/schedule", "/my/schedule"})
    public String save(@PathVariable Optional<String> number, @RequestParam Map<String, String> form,
                       Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        Tenant tenant = tenants.current();
        String n = extension(number, actor);
        var body = new ScheduleInput.ExtensionBody(form.containsKey("ownHours"),
                ScheduleForms.hours(form, "officeHours"), ScheduleForms.hours(form, "breakHours"),
                ScheduleForms.destination(form, "nonOfficeHoursAction").orElse(null),
                ScheduleForms.destination(form, "breakTimeAction").orElse(null),
                form.containsKey("exemptFromGlobalHolidays"));
        try {
            schedules.saveExtension(tenant, n, body, actor);
            redirect.addFlashAttribute("notice", "Schedule saved.");
            return "redirect:" + base(number.isEmpty(), n);
        } catch (InvalidScheduleException e) {
            return render(tenant, n, actor, form, ScheduleForms.errors(e), model, number.isEmpty());
        }
    }

    @PostMapping({"/extensions/{number}/schedule/profile", "/my/schedule/profile"})
    public String activate(@PathVariable Optional<String> number, @RequestParam("active") String active,
                           Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String n = extension(number, actor);
        try {
            CallProfile p = profiles.activate(tenants.current(), n, active, actor);
            redirect.addFlashAttribute("notice", "Call profile " + p.label() + " is active.");
        } catch (InvalidScheduleException e) {
            redirect.addFlashAttribute("notice", "Unknown call profile.");
        }
        return "redirect:" + base(number.isEmpty(), n);
    }

    @PostMapping({"/extensions/{number}/schedule/profile-auto", "/my/schedule/profile-auto"})
    public String automatic(@PathVariable Optional<String> number, @RequestParam Map<String, String> form,
                            Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String n = extension(number, actor);
        var body = new ProfileAutoSwitch.Body(form.containsKey("enabled"), form.get("inOfficeHours"),
                form.get("outsideOfficeHours"));
        try {
            var saved = automatic.save(tenants.current(), n, body, actor);
            redirect.addFlashAttribute("notice", saved.enabled() ? "The profile now switches automatically: "
                    + saved.inOfficeHours() + " in office hours, " + saved.outsideOfficeHours() + " outside them."
                    : "The profile no longer switches automatically.");
        } catch (InvalidScheduleException e) {
            redirect.addFlashAttribute("autoErrors", ScheduleForms.errors(e));
        }
        return "redirect:" + base(number.isEmpty(), n) + "#profile-auto";
    }

    @PostMapping({"/extensions/{number}/schedule/holidays", "/my/schedule/holidays"})
    public String addHoliday(@PathVariable Optional<String> number, @RequestParam Map<String, String> form,
                             Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String n = extension(number, actor);
        holidays.add(tenants.current(), Optional.of(n), form, actor, redirect);
        return "redirect:" + base(number.isEmpty(), n) + "#holidays";
    }

    @PostMapping({"/extensions/{number}/schedule/holidays/{id}/audio", "/my/schedule/holidays/{id}/audio"})
    public String upload(@PathVariable Optional<String> number, @PathVariable long id,
                         @RequestParam("audio") MultipartFile audio, Authentication auth, HttpServletRequest request,
                         RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String n = extension(number, actor);
        holidays.upload(tenants.current(), Optional.of(n), id, audio, actor, redirect);
        return "redirect:" + base(number.isEmpty(), n) + "#holidays";
    }

    @PostMapping({"/extensions/{number}/schedule/holidays/{id}/delete", "/my/schedule/holidays/{id}/delete"})
    public String deleteHoliday(@PathVariable Optional<String> number, @PathVariable long id, Authentication auth,
                                HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String n = extension(number, actor);
        holidays.delete(tenants.current(), Optional.of(n), id, actor, redirect);
        return "redirect:" + base(number.isEmpty(), n) + "#holidays";
    }

    @ExceptionHandler({ExtensionNotFoundException.class, org.carillon.pbx.schedule.ScheduleNotFoundException.class})
    public ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    /** The extension the page is about: the path's, or the user's own on {@code /my/schedule}. */
    private static String extension(Optional<String> number, Actor actor) {
        return number.or(actor::extension).orElseThrow(() -> new ExtensionNotFoundException("(none)"));
    }

    /** Where the page lives: {@code /my/schedule} for the user's own, else under the extension. */
    private static String base(boolean own, String number) {
        return own ? "/my/schedule" : "/extensions/" + number + "/schedule";
    }

    private String render(Tenant tenant, String number, Actor actor, Map<String, String> form,
                          Map<String, String> errors, Model model, boolean own) {
        ExtensionSchedule s = schedules.extensionSchedule(tenant, number, actor);
        Map<String, String> values = new HashMap<>();
        values.putAll(ScheduleForms.values("officeHours", s.office()));
        values.putAll(ScheduleForms.values("breakHours", s.breaks()));
        values.putAll(ScheduleForms.values("nonOfficeHoursAction", s.nonOfficeAction()));
        values.putAll(ScheduleForms.values("breakTimeAction", s.breakAction()));
        if (s.ownHours()) {
            values.put("ownHours", "true");
        }
        if (s.exemptFromGlobalHolidays()) {
            values.put("exemptFromGlobalHolidays", "true");
        }
        if (!form.isEmpty()) {
            values = new HashMap<>(form);
        }
        String base = base(own, number);
        model.addAttribute("number", number);
        model.addAttribute("base", base);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("days", ScheduleForms.DAYS);
        model.addAttribute("profiles", profiles.profiles(tenant, number, actor).stream()
                .map(ProfileApiController.ProfileView::of).toList());
        model.addAttribute("auto", automatic.view(tenant, number, actor));
        model.addAttribute("status", ScheduleViews.StatusView.of(schedules.verdict(tenant.id(), number,
                clock.instant())));
        model.addAttribute("holidays", s.holidays().stream().map(ScheduleViews.HolidayView::of).toList());
        model.addAttribute("holidayBase", base + "/holidays");
        model.addAttribute("active", own ? "my-schedule" : "extensions");
        return "pbx/schedule/extension";
    }
}
