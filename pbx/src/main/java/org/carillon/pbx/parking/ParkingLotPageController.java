package org.carillon.pbx.parking;

import org.carillon.platform.web.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.MusicOnHold;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.schedule.DestinationCheck;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parking lot form (Owner and Manager): {@code /parking/lots/new} and {@code /parking/lots/{id}} show it, a POST
 * saves it (errors beside each field, nothing saved), {@code /parking/lots/{id}/delete} deletes a lot after the
 * browser asked for confirmation.
 */
@Controller
@Allowed(Permission.PARKING)
public class ParkingLotPageController {
    private final ParkingLotService lots;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    ParkingLotPageController(ParkingLotService lots, TenantDirectory tenants, ActorResolver actors) {
        this.lots = lots;
        this.tenants = tenants;
        this.actors = actors;
    }

    @GetMapping("/parking/lots/new")
    public String newLot(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeoutSeconds", "120");
        form.put("fallbackType", "hangup");
        form.put("musicOnHold", MusicOnHold.BUILT_IN);
        return render(model, form, Map.of(), Optional.empty());
    }

    @PostMapping("/parking/lots")
    public String create(@RequestParam Map<String, String> params, Authentication auth, HttpServletRequest request,
                         Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        try {
            ParkingLot lot = lots.create(tenant(), input(params), actor.email(), actor.source());
            redirect.addFlashAttribute("notice", "Parking lot " + lot.name() + " created: park on "
                    + lot.parkNumber() + ", slots " + lot.slotRange() + ".");
            return "redirect:/parking";
        } catch (InvalidParkingLotException e) {
            return render(model, params, e.byField(), Optional.empty());
        }
    }

    @GetMapping("/parking/lots/{id:\\d+}")
    public String edit(@PathVariable long id, Model model) {
        ParkingLot lot = lots.require(tenant(), id);
        ParkingLotInput in = ParkingLotInput.of(lot);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", in.name());
        form.put("parkNumber", in.parkNumber());
        form.put("firstSlot", in.firstSlot());
        form.put("lastSlot", in.lastSlot());
        form.put("timeoutSeconds", Integer.toString(in.timeoutSeconds()));
        form.put("fallbackType", in.fallback().type());
        form.put("fallbackTarget", in.fallback().target());
        form.put("musicOnHold", in.musicOnHold());
        return render(model, form, Map.of(), Optional.of(lot));
    }

    @PostMapping("/parking/lots/{id:\\d+}")
    public String update(@PathVariable long id, @RequestParam Map<String, String> params, Authentication auth,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ParkingLot old = lots.require(tenant(), id);
        Actor actor = actors.resolve(auth, request);
        try {
            ParkingLot lot = lots.update(tenant(), id, input(params), actor.email(), actor.source());
            redirect.addFlashAttribute("notice", "Parking lot " + lot.name() + " saved.");
            return "redirect:/parking";
        } catch (InvalidParkingLotException e) {
            return render(model, params, e.byField(), Optional.of(old));
        }
    }

    @PostMapping("/parking/lots/{id:\\d+}/delete")
    public String delete(@PathVariable long id, Authentication auth, HttpServletRequest request,
                         RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        ParkingLot lot = lots.require(tenant(), id);
        try {
            lots.delete(tenant(), id, actor.email(), actor.source());
            redirect.addFlashAttribute("notice", "Parking lot " + lot.name() + " deleted.");
        } catch (ParkingLotInUseException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/parking";
    }

    @ExceptionHandler(ParkingLotNotFoundException.class)
    public ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private long tenant() {
        return tenants.current().id();
    }

    /** The form's fields as the service takes them; a timeout that is no number is a field error. */
    private static ParkingLotInput input(Map<String, String> p) {
        String timeout = p.getOrDefault("timeoutSeconds", "").strip();
        Integer seconds;
        try {
            seconds = Integer.valueOf(timeout);
        } catch (NumberFormatException e) {
            throw new InvalidParkingLotException(java.util.List.of(new ApiProblem.FieldError(
                    "timeoutSeconds", "Enter a whole number of seconds.")));
        }
        return new ParkingLotInput(p.get("name"), p.get("parkNumber"), p.get("firstSlot"), p.get("lastSlot"),
                seconds, new DestinationCheck.Body(p.getOrDefault("fallbackType", ""),
                p.getOrDefault("fallbackTarget", "")), p.get("musicOnHold"));
    }

    private String render(Model model, Map<String, String> form, Map<String, String> errors,
                          Optional<ParkingLot> lot) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lot", lot.orElse(null));
        model.addAttribute("fallbackTypes", ParkingLotRules.FALLBACKS.stream().map(Destination.Type::wire)
                .sorted().toList());
        model.addAttribute("mohSources", MusicOnHold.sources(tenant()));
        model.addAttribute("active", "parking");
        return "pbx/parking-lot";
    }
}
