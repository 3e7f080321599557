package org.carillon.pbx.parking;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The admin page Parking (Owner and Manager): the tenant's settings (timeout, fallback; errors beside the field) and
 * its slots, live over server-sent events ({@link ParkingStream}).
 */
@Controller
@Allowed(Permission.PARKING)
public class ParkingPageController {
    private final ParkingService parking;
    private final ParkingPolicyService policies;
    private final ParkingStream stream;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    ParkingPageController(ParkingService parking, ParkingPolicyService policies, ParkingStream stream,
                          TenantDirectory tenants, ActorResolver actors) {
        this.parking = parking;
        this.policies = policies;
        this.stream = stream;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** What the settings form holds. */
    public record Form(String timeoutSeconds, String fallbackType, String fallbackTarget) {
    }

    @GetMapping("/parking")
    public String page(Model model) {
        ParkingPolicy p = policies.policy(tenants.current().id());
        return render(model, new Form(Integer.toString(p.timeoutSeconds()), p.fallback().type().wire(),
                p.fallback().target()), Map.of());
    }

    @PostMapping("/parking/settings")
    public String save(@RequestParam(defaultValue = "") String timeoutSeconds,
                       @RequestParam(defaultValue = "") String fallbackType,
                       @RequestParam(defaultValue = "") String fallbackTarget, Authentication auth,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Form form = new Form(timeoutSeconds, fallbackType, fallbackTarget);
        Integer seconds;
        try {
            seconds = Integer.valueOf(timeoutSeconds.strip());
        } catch (NumberFormatException e) {
            return render(model, form, Map.of("timeoutSeconds", "Enter a whole number of seconds."));
        }
        Actor actor = actors.resolve(auth, request);
        try {
            policies.save(tenants.current().id(), seconds, new DestinationCheck.Body(fallbackType, fallbackTarget),
                    actor.email(), actor.source());
        } catch (InvalidParkingPolicyException e) {
            return render(model, form, e.byField());
        }
        redirect.addFlashAttribute("notice", "Parking settings saved.");
        return "redirect:/parking";
    }

    @GetMapping(path = "/parking/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter live() {
        return stream.subscribe(tenants.current().id());
    }

    private String render(Model model, Form form, Map<String, String> errors) {
        long tenant = tenants.current().id();
        List<Map<String, String>> slots = parking.slots().stream()
                .map(s -> stream.data(s, parking.find(tenant, s))).toList();
        model.addAttribute("slots", slots);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("custom", policies.custom(tenant));
        model.addAttribute("fallbackTypes", ParkingPolicyService.FALLBACKS.stream().map(Destination.Type::wire)
                .sorted().toList());
        model.addAttribute("active", "parking");
        return "pbx/parking";
    }
}
