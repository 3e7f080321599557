package org.carillon.pbx.blf;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BLF keys page of an extension ({@code /extensions/{number}/blf-keys}: its own user, Owner and Manager) and
 * {@code /blf-keys} (the signed-in user's own). One form for all keys; a row without a type is dropped; errors are
 * shown beside the field.
 */
@Controller
@Allowed(Permission.OWN_KEYS)
public class BlfKeyPageController {
    static final int BLANK_ROWS = 4;
    private final BlfKeyService keys;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public BlfKeyPageController(BlfKeyService keys, TenantDirectory tenants, ActorResolver actors) {
        this.keys = keys;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** One row of the form as typed. */
    public record Row(String position, String type, String value, String label) {
    }

    /**
     * The side menu's BLF keys: the user's own keys; an account without an extension (the first-start Owner) gets a
     * page that says so, as My schedule does, instead of the Extensions list with the wrong menu entry lit.
     */
    @GetMapping("/blf-keys")
    public String own(Authentication auth, HttpServletRequest request, Model model) {
        var own = actors.resolve(auth, request).extension();
        if (own.isEmpty()) {
            model.addAttribute("active", "blf-keys");
            return "pbx/blf-keys-no-extension";
        }
        return "redirect:/extensions/" + own.get() + "/blf-keys";
    }

    @GetMapping("/extensions/{number}/blf-keys")
    public String page(@PathVariable String number, Authentication auth, HttpServletRequest request, Model model) {
        Actor actor = actors.resolve(auth, request);
        List<Row> rows = new ArrayList<>();
        for (BlfKey k : keys.list(tenants.current(), number, actor)) {
            rows.add(new Row(Integer.toString(k.position()), k.type().wire(), k.value(), k.label()));
        }
        int next = rows.size() + 1;
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row(Integer.toString(next + i), "", "", ""));
        }
        return render(number, rows, Map.of(), model);
    }

    @PostMapping("/extensions/{number}/blf-keys")
    public String save(@PathVariable String number, @RequestParam MultiValueMap<String, String> form,
                       Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("type_" + i) && i <= BlfKeyService.MAX_KEYS + BLANK_ROWS; i++) {
            rows.add(new Row(value(form, "position_" + i), value(form, "type_" + i), value(form, "value_" + i),
                    value(form, "label_" + i)));
        }
        List<Row> kept = rows.stream().filter(r -> !r.type().isEmpty()).toList();
        List<BlfKey> parsed = new ArrayList<>();
        for (Row r : kept) {
            int position;
            try {
                position = Integer.parseInt(r.position().strip());
            } catch (NumberFormatException e) {
                position = -1;
            }
            parsed.add(new BlfKey(position, BlfKeyType.find(r.type()).orElse(null), r.value(), r.label()));
        }
        try {
            keys.save(tenants.current(), number, parsed, actor);
        } catch (InvalidDialCodeException e) {
            return render(number, kept, e.byField(), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/extensions/" + number + "/blf-keys";
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private String render(String number, List<Row> rows, Map<String, String> errors, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("rows", rows);
        model.addAttribute("types", BlfKeyType.values());
        model.addAttribute("errors", errors);
        model.addAttribute("active", "blf-keys");
        return "pbx/blf-keys";
    }

    /** A holiday or extension that is not there (or not the user's to see) is a 404 page. */
    @org.springframework.web.bind.annotation.ExceptionHandler({org.carillon.pbx.extension.ExtensionNotFoundException.class})
    public org.springframework.web.servlet.ModelAndView notFound() {
        return new org.springframework.web.servlet.ModelAndView("error", Map.of("status", 404),
                org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
