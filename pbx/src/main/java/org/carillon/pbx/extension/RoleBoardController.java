package org.carillon.pbx.extension;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Accounts ▸ User roles, the role board (SPEC §2.9, §5): a column per role, each extension a card; dragging a card
 * into another column — or, from the keyboard, choosing the role on the card (or arrow keys) — changes the role.
 * Every change goes through {@link ExtensionService#update}, so the rules (only an Owner gives or takes Owner and
 * Manager; the last Owner stays) hold here as in the API. Open boards follow each other's changes over server-sent
 * events. Owner and Manager.
 */
@Controller
@Allowed(Permission.ROLES)
public class RoleBoardController {
    /** The most cards the board shows; beyond that the extension list and its search are the way. */
    static final int MAX_CARDS = 2000;
    private final ExtensionService service;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final RoleBoardStream stream;

    public RoleBoardController(ExtensionService service, TenantDirectory tenants, ActorResolver actors,
                               RoleBoardStream stream) {
        this.service = service;
        this.tenants = tenants;
        this.actors = actors;
        this.stream = stream;
    }

    /** One column of the board. */
    public record Column(Role role, String label, List<Extension> cards) {
    }

    @GetMapping("/roles")
    public String board(Authentication auth, HttpServletRequest request, Model model) {
        Actor actor = actors.resolve(auth, request);
        Map<Role, List<Extension>> byRole = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            byRole.put(r, new ArrayList<>());
        }
        var tenant = tenants.current();
        service.page(tenant, "", 0, MAX_CARDS, actor).forEach(e -> byRole.get(e.role()).add(e));
        model.addAttribute("columns", byRole.entrySet().stream()
                .map(en -> new Column(en.getKey(), label(en.getKey()), en.getValue())).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("total", service.count(tenant, ""));
        model.addAttribute("max", MAX_CARDS);
        model.addAttribute("ownerActs", actor.role() == Role.OWNER);
        model.addAttribute("active", "roles");
        return "pbx/roles";
    }

    @GetMapping(path = "/roles/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter events() {
        return stream.subscribe(tenants.current().id());
    }

    /**
     * Moves a card. Answers the board's script with JSON ({@code X-Requested-With: fetch}) and a plain form post
     * (no script) with a redirect back to the board.
     */
    @PostMapping("/roles/{number:[0-9]+}")
    public Object move(@PathVariable String number, @RequestParam(defaultValue = "") String role,
                       @RequestHeader(name = "X-Requested-With", defaultValue = "") String requestedWith,
                       Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        boolean script = "fetch".equals(requestedWith);
        Optional<Role> to = Role.find(role);
        if (to.isEmpty()) {
            return refuse(script, HttpStatus.BAD_REQUEST, "Choose Owner, Manager, Supervisor or Agent.", redirect);
        }
        var changes = new ExtensionChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                to);
        Extension e;
        try {
            e = service.update(tenants.current(), number, changes, actors.resolve(auth, request));
        } catch (ExtensionForbiddenException refused) {
            return refuse(script, HttpStatus.FORBIDDEN, capitalise(refused.getMessage()) + ".", redirect);
        } catch (InvalidExtensionException invalid) {
            return refuse(script, HttpStatus.BAD_REQUEST, invalid.byField().entrySet().stream()
                    .map(en -> capitalise(en.getKey()) + " " + en.getValue()).collect(Collectors.joining("; ")), redirect);
        }
        String message = e.displayName() + " (" + number + ") is now " + label(e.role()) + ".";
        if (script) {
            return ResponseEntity.ok(Map.of("number", number, "role", e.role().wire(), "message", message));
        }
        redirect.addFlashAttribute("notice", message);
        return "redirect:/roles";
    }

    private static Object refuse(boolean script, HttpStatus status, String message, RedirectAttributes redirect) {
        if (script) {
            return ResponseEntity.status(status).body(Map.of("message", message));
        }
        redirect.addFlashAttribute("boardError", message);
        return "redirect:/roles";
    }

    static String label(Role role) {
        return role.name().charAt(0) + role.wire().substring(1);
    }

    @ExceptionHandler(ExtensionNotFoundException.class)
    public ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
