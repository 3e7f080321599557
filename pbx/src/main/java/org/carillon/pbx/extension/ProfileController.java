package org.carillon.pbx.extension;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Optional;

/**
 * A user's own page (SPEC §5: what a Supervisor or Agent sees): their extension, status and devices; names and
 * mobile editable, the business email shown but locked.
 */
@Controller
public class ProfileController {
    private final ExtensionService service;
    private final ExtensionPresence presence;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ProfileController(ExtensionService service, ExtensionPresence presence, TenantDirectory tenants,
                             ActorResolver actors) {
        this.service = service;
        this.presence = presence;
        this.tenants = tenants;
        this.actors = actors;
    }

    @GetMapping("/profile")
    public String profile(Authentication auth, HttpServletRequest request, Model model) {
        return render(actors.resolve(auth, request), Map.of(), Map.of(), model);
    }

    private String render(Actor actor, Map<String, String> form, Map<String, String> errors, Model model) {
        Optional<Extension> own = actor.extension().map(n -> service.require(tenants.current(), n, actor));
        model.addAttribute("ext", own.orElse(null));
        own.ifPresent(e -> {
            model.addAttribute("status", presence.status(e.id()));
            model.addAttribute("registrations", presence.registrations(e.id()));
        });
        model.addAttribute("actor", actor);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "profile");
        return "pbx/profile";
    }

    @PostMapping("/profile")
    public String update(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                         Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        if (actor.extension().isEmpty()) {
            return "redirect:/profile";
        }
        var changes = new ExtensionChanges(Optional.empty(), Optional.ofNullable(form.get("firstName")),
                Optional.ofNullable(form.get("lastName")), Optional.ofNullable(form.get("mobile")), Optional.empty());
        try {
            service.update(tenants.current(), actor.extension().get(), changes, actor);
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/profile";
        } catch (InvalidExtensionException e) {
            return render(actor, form, e.byField(), model);
        }
    }
}
