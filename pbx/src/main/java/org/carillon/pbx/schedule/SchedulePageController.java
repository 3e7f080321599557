package org.carillon.pbx.schedule;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings ▸ Office hours (SPEC §5 "Language and office hours"): the global weekly grid of office and break hours,
 * the two actions, exempt extensions, time zone, the manual override and the global holidays. Owner and Manager.
 */
@Controller
@RequestMapping("/schedules")
@Allowed(Permission.SCHEDULES)
public class SchedulePageController {
    private final ScheduleService service;
    private final HolidayFormActions holidays;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final Clock clock;

    public SchedulePageController(ScheduleService service, HolidayFormActions holidays, TenantDirectory tenants,
                                  ActorResolver actors, Clock clock) {
        this.service = service;
        this.holidays = holidays;
        this.tenants = tenants;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping
    public String page(Model model) {
        return render(tenants.current(), Map.of(), Map.of(), model);
    }

    @PostMapping
    public String save(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                       Model model, RedirectAttributes redirect) {
        Tenant tenant = tenants.current();
        var body = new ScheduleInput.TenantBody(form.get("timeZone"), ScheduleForms.hours(form, "officeHours"),
                ScheduleForms.hours(form, "breakHours"),
                ScheduleForms.destination(form, "nonOfficeHoursAction").orElse(null),
                ScheduleForms.destination(form, "breakTimeAction").orElse(null),
                List.of(form.getOrDefault("exemptExtensions", "").split("[,\\s]+")).stream()
                        .filter(s -> !s.isBlank()).toList());
        try {
            service.saveTenant(tenant, body, actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Office hours saved.");
            return "redirect:/schedules";
        } catch (InvalidScheduleException e) {
            return render(tenant, form, ScheduleForms.errors(e), model);
        }
    }

    @PostMapping("/override")
    public String override(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                           RedirectAttributes redirect) {
        Tenant tenant = tenants.current();
        String until = form.getOrDefault("until", "");
        try {
            until = LocalDateTime.parse(until).atZone(tenant.timeZone()).toInstant().toString();
        } catch (DateTimeParseException e) {
            // passed on as typed: the service names the field
        }
        try {
            service.setOverride(tenant, Optional.of(new ScheduleInput.OverrideBody(form.get("mode"), until)),
                    actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Override set.");
        } catch (InvalidScheduleException e) {
            redirect.addFlashAttribute("overrideErrors", ScheduleForms.errors(e));
        }
        return "redirect:/schedules";
    }

    @PostMapping("/override/lift")
    public String lift(Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        service.setOverride(tenants.current(), Optional.empty(), actors.resolve(auth, request));
        redirect.addFlashAttribute("notice", "Override lifted.");
        return "redirect:/schedules";
    }

    @PostMapping("/holidays")
    public String addHoliday(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                             RedirectAttributes redirect) {
        holidays.add(tenants.current(), Optional.empty(), form, actors.resolve(auth, request), redirect);
        return "redirect:/schedules#holidays";
    }

    @PostMapping("/holidays/{id}/audio")
    public String upload(@PathVariable long id, @RequestParam("audio") MultipartFile audio, Authentication auth,
                         HttpServletRequest request, RedirectAttributes redirect) {
        holidays.upload(tenants.current(), Optional.empty(), id, audio, actors.resolve(auth, request), redirect);
        return "redirect:/schedules#holidays";
    }

    @PostMapping("/holidays/{id}/delete")
    public String deleteHoliday(@PathVariable long id, Authentication auth, HttpServletRequest request,
                                RedirectAttributes redirect) {
        holidays.delete(tenants.current(), Optional.empty(), id, actors.resolve(auth, request), redirect);
        return "redirect:/schedules#holidays";
    }

    private String render(Tenant tenant, Map<String, String> form, Map<String, String> errors, Model model) {
        TenantSchedule s = service.tenantSchedule(tenant);
        Map<String, String> values = new HashMap<>();
        values.put("timeZone", tenant.timeZone().getId());
        values.putAll(ScheduleForms.values("officeHours", s.office()));
        values.putAll(ScheduleForms.values("breakHours", s.breaks()));
        values.putAll(ScheduleForms.values("nonOfficeHoursAction", Optional.of(s.nonOfficeAction())));
        values.putAll(ScheduleForms.values("breakTimeAction", Optional.of(s.breakAction())));
        values.put("exemptExtensions", String.join(", ", service.exemptNumbers(tenant)));
        values.putAll(form);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("days", ScheduleForms.DAYS);
        model.addAttribute("status", ScheduleViews.StatusView.of(service.tenantVerdict(tenant)));
        model.addAttribute("override", s.override().filter(o -> o.activeAt(clock.instant()))
                .map(o -> o.mode().wire() + " until " + o.until().atZone(tenant.timeZone()).toLocalDateTime())
                .orElse(null));
        model.addAttribute("holidays", s.holidays().stream().map(ScheduleViews.HolidayView::of).toList());
        model.addAttribute("holidayBase", "/schedules/holidays");
        model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
                .sorted().toList());
        model.addAttribute("active", "schedules");
        return "pbx/schedule/global";
    }

    /** A holiday or extension that is not there (or not the user's to see) is a 404 page. */
    @org.springframework.web.bind.annotation.ExceptionHandler({ScheduleNotFoundException.class})
    public org.springframework.web.servlet.ModelAndView notFound() {
        return new org.springframework.web.servlet.ModelAndView("error", Map.of("status", 404),
                org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
