package org.carillon.pbx.extension;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.license.LicenseLimitException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages Accounts ▸ Extensions (SPEC §5): the list with search, paging and live status; creating; an
 * extension's page with its tabs (Overview now; the others arrive with their features). Owner and Manager only.
 */
@Controller
@RequestMapping("/extensions")
@Allowed(Permission.EXTENSIONS)
public class ExtensionPageController {
    static final int PAGE_SIZE = 25;
    /** The tabs of an extension's page (SPEC §5), in order: id and label. */
    static final List<Map.Entry<String, String>> TABS = List.of(Map.entry("overview", "Overview"),
            Map.entry("voicemail", "Voicemail settings"), Map.entry("schedules", "Schedules"),
            Map.entry("holidays", "Holidays"), Map.entry("call-controls", "Call controls"),
            Map.entry("blf", "BLF keys"), Map.entry("speed-dial", "Speed dial"));

    private final ExtensionService service;
    private final ExtensionPresence presence;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final ExtensionStatusStream stream;
    private final ExtensionMfaReset mfa;

    public ExtensionPageController(ExtensionService service, ExtensionPresence presence, TenantDirectory tenants,
                                   ActorResolver actors, ExtensionStatusStream stream, ExtensionMfaReset mfa) {
        this.mfa = mfa;
        this.service = service;
        this.presence = presence;
        this.tenants = tenants;
        this.actors = actors;
        this.stream = stream;
    }

    /** One row of the list. */
    public record Row(Extension extension, ExtensionStatus status) {
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Authentication auth, HttpServletRequest request, Model model) {
        var tenant = tenants.current();
        long total = service.count(tenant, q);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.clamp(page, 0, pages - 1);
        var rows = service.page(tenant, q, p, PAGE_SIZE, actors.resolve(auth, request)).stream()
                .map(e -> new Row(e, presence.status(e.id()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("active", "extensions");
        return "pbx/extensions/list";
    }

    @GetMapping(path = "/status-stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter statusStream() {
        return stream.subscribe(tenants.current().id());
    }

    @GetMapping("/new")
    public String newForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("roles", Role.values());
        model.addAttribute("active", "extensions");
        return "pbx/extensions/new";
    }

    @PostMapping
    public String create(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                         Model model, RedirectAttributes redirect) {
        var input = new ExtensionInput(form.get("email"), form.get("firstName"), form.get("lastName"),
                form.get("mobile"), Role.find(form.get("role")), Optional.empty());
        try {
            var created = service.create(tenants.current(), input, actors.resolve(auth, request));
            redirect.addFlashAttribute("credentials", created.credentials());
            redirect.addFlashAttribute("notice", "Extension " + created.extension().number()
                    + " created. The welcome email is on its way.");
            return "redirect:/extensions/" + created.extension().number();
        } catch (InvalidExtensionException | LicenseLimitException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", e instanceof InvalidExtensionException i ? i.byField()
                    : Map.of("email", "cannot be added: " + e.getMessage()));
            model.addAttribute("roles", Role.values());
            model.addAttribute("active", "extensions");
            return "pbx/extensions/new";
        }
    }

    @GetMapping("/{number:[0-9]+}")
    public String show(@PathVariable String number, @RequestParam(defaultValue = "overview") String tab,
                       @RequestParam(defaultValue = "false") boolean reveal, Authentication auth,
                       HttpServletRequest request, Model model) {
        Actor actor = actors.resolve(auth, request);
        var tenant = tenants.current();
        Extension e = service.require(tenant, number, actor);
        if (reveal && !model.containsAttribute("credentials")) {
            model.addAttribute("credentials", service.credentials(tenant, number, actor));
        }
        return page(e, tab, Map.of(), Map.of(), actor, model);
    }

    private String page(Extension e, String tab, Map<String, String> form, Map<String, String> errors, Actor actor,
                        Model model) {
        model.addAttribute("ext", e);
        model.addAttribute("status", presence.status(e.id()));
        model.addAttribute("registrations", presence.registrations(e.id()));
        model.addAttribute("tabs", TABS);
        model.addAttribute("tab", TABS.stream().anyMatch(t -> t.getKey().equals(tab)) ? tab : "overview");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // An Owner gives any role; a Manager moves users between Supervisor and Agent (ExtensionService's rule).
        boolean owner = actor.role() == Role.OWNER;
        model.addAttribute("roles", owner ? Role.values() : new Role[]{Role.SUPERVISOR, Role.AGENT});
        model.addAttribute("canChangeRole", owner || !e.role().admin());
        model.addAttribute("mfaOn", mfa.enabled(e));
        model.addAttribute("self", e.email().equalsIgnoreCase(actor.email()));
        model.addAttribute("canResetMfa", ExtensionMfaReset.may(actor, e));
        model.addAttribute("active", "extensions");
        return "pbx/extensions/page";
    }

    @PostMapping("/{number:[0-9]+}")
    public String update(@PathVariable String number, @RequestParam Map<String, String> form, Authentication auth,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        var tenant = tenants.current();
        Extension e = service.require(tenant, number, actor);
        var changes = new ExtensionChanges(Optional.ofNullable(form.get("email")),
                Optional.ofNullable(form.get("firstName")), Optional.ofNullable(form.get("lastName")),
                Optional.ofNullable(form.get("mobile")), Optional.ofNullable(form.get("role")).flatMap(Role::find));
        try {
            service.update(tenant, number, changes, actor);
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/extensions/" + number;
        } catch (InvalidExtensionException invalid) {
            return page(e, "overview", form, invalid.byField(), actor, model);
        }
    }

    @PostMapping("/{number:[0-9]+}/delete")
    public String delete(@PathVariable String number, Authentication auth, HttpServletRequest request,
                         RedirectAttributes redirect) {
        service.delete(tenants.current(), number, actors.resolve(auth, request));
        redirect.addFlashAttribute("notice", "Extension " + number + " deleted.");
        return "redirect:/extensions";
    }

    @PostMapping("/{number:[0-9]+}/credentials")
    public String regenerate(@PathVariable String number, Authentication auth, HttpServletRequest request,
                             RedirectAttributes redirect) {
        var fresh = service.regenerate(tenants.current(), number, actors.resolve(auth, request));
        redirect.addFlashAttribute("credentials", fresh);
        redirect.addFlashAttribute("notice", "New SIP credentials generated. Give them to the phone again.");
        return "redirect:/extensions/" + number;
    }

    /** Resets the user's two-step sign-in (lost phone and recovery codes) and ends their sessions. */
    @PostMapping("/{number:[0-9]+}/mfa-reset")
    public String resetMfa(@PathVariable String number, Authentication auth, HttpServletRequest request,
                           RedirectAttributes redirect) {
        boolean wasOn = mfa.reset(tenants.current(), number, actors.resolve(auth, request));
        redirect.addFlashAttribute("notice", wasOn
                ? "Two-step sign-in of extension " + number + " was reset and its user signed out. They sign in "
                        + "with their password and can set up two-step sign-in again."
                : "Two-step sign-in is not on for extension " + number + "; nothing was changed.");
        return "redirect:/extensions/" + number;
    }

    @ExceptionHandler(ExtensionNotFoundException.class)
    public ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ExtensionForbiddenException.class)
    public ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }
}
