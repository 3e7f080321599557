package org.carillon.pbx.speeddial;

import org.carillon.pbx.paging.ListPage;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.routing.FeatureCodeService;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * Speed dial page (every user): the system speed dials (Owner and Manager add and delete them; others read) and the
 * user's own personal ones. Errors, clashes included, are shown beside the field.
 */
@Controller
@Allowed(Permission.OWN_KEYS)
public class SpeedDialPageController {
    private final SpeedDialService speedDials;
    private final FeatureCodeService codes;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public SpeedDialPageController(SpeedDialService speedDials, FeatureCodeService codes, TenantDirectory tenants,
                                   ActorResolver actors) {
        this.speedDials = speedDials;
        this.codes = codes;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** What the two add forms hold while they show errors. */
    public record Form(String scope, String code, String number, String label) {
    }

    /** System speed dials on one page of the list. */

    /**
     * The page; the system speed dials are searchable (code, number or label, ignoring case) and paged like every
     * list (SPEC §5). They are held in memory by {@link SpeedDialService}, so they are filtered there, not in SQL.
     */
    @GetMapping("/speed-dials")
    public String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Authentication auth, HttpServletRequest request, Model model) {
        return render(actors.resolve(auth, request), model, new Form("", "", "", ""), Map.of(), q, page);
    }

    @PostMapping("/speed-dials/{scope}")
    public String add(@PathVariable String scope, @RequestParam(defaultValue = "") String code,
                      @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String label,
                      Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        String owner = owner(scope, actor);
        try {
            speedDials.save(tenants.current().id(), owner, code, number, label, false, actor.email(),
                    actor.source());
        } catch (InvalidDialCodeException e) {
            return render(actor, model, new Form(scope, code, number, label), e.byField(), "", 0);
        }
        redirect.addFlashAttribute("saved", code);
        return "redirect:/speed-dials";
    }

    @PostMapping("/speed-dials/{scope}/{code}/delete")
    public String delete(@PathVariable String scope, @PathVariable String code, Authentication auth,
                         HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        if (!speedDials.delete(tenants.current().id(), owner(scope, actor), code, actor.email(), actor.source())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("deleted", code);
        return "redirect:/speed-dials";
    }

    /** {@code system} (admins only) or {@code mine} (users with an extension); anything else is 404. */
    private static String owner(String scope, Actor actor) {
        if ("system".equals(scope) && actor.admin()) {
            return "";
        }
        if ("mine".equals(scope) && actor.extension().isPresent()) {
            return actor.extension().get();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String render(Actor actor, Model model, Form form, Map<String, String> errors, String q, int page) {
        long tenant = tenants.current().id();
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.List<SpeedDial> found = speedDials.list(tenant, "").stream()
                .filter(s -> needle.isEmpty() || s.code().contains(needle) || s.number().contains(needle)
                        || s.label().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .toList();
        model.addAttribute("prefix", codes.codes(tenant).speedDial());
        ListPage.of(found, page).addTo(model, "system", q);
        model.addAttribute("mine", actor.extension().map(n -> speedDials.list(tenant, n)).orElse(java.util.List.of()));
        model.addAttribute("hasExtension", actor.extension().isPresent());
        model.addAttribute("admin", actor.admin());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "speed-dials");
        return "pbx/speed-dials";
    }
}
