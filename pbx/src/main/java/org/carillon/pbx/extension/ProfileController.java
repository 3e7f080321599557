package org.carillon.pbx.extension;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.security.PasswordPolicy;
import org.carillon.platform.security.SignInTime;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A user's own page (SPEC §5: what a Supervisor or Agent sees): their extension, status and registered devices;
 * names and mobile editable, the business email shown but locked; a new web password, the current one required.
 */
@Controller
@Allowed(Permission.OWN_PROFILE)
public class ProfileController {
    private final ExtensionService service;
    private final ExtensionPresence presence;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SignInTime signIns;
    private final AuditTrail audit;
    private final CurrentPasswordCheck current;

    public ProfileController(ExtensionService service, ExtensionPresence presence, TenantDirectory tenants,
                             ActorResolver actors, AccountStore accounts, PasswordEncoder encoder,
                             PasswordPolicy policy, SignInTime signIns, AuditTrail audit,
                             CurrentPasswordCheck current) {
        this.service = service;
        this.presence = presence;
        this.tenants = tenants;
        this.actors = actors;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.signIns = signIns;
        this.audit = audit;
        this.current = current;
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

    /**
     * Sets a new web password. The current one is required (SECURITY.md); the policy is the platform's. Every other
     * session of the account ends; this one stays, under a new id. Wrong current passwords are throttled like
     * sign-ins ({@link CurrentPasswordCheck}).
     */
    @PostMapping("/profile/password")
    public String password(@RequestParam(defaultValue = "") String currentPassword,
                           @RequestParam(defaultValue = "") String newPassword,
                           @RequestParam(defaultValue = "") String confirmPassword, Authentication auth,
                           HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        var account = accounts.findByEmail(actor.email()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> wrong = current.problem(account, currentPassword, actor.source());
        if (wrong.isPresent()) {
            errors.put("currentPassword", wrong.get());
        } else {
            policy.check(newPassword, account.email()).ifPresent(problem -> errors.put("newPassword", problem));
            if (!errors.containsKey("newPassword") && !newPassword.equals(confirmPassword)) {
                errors.put("confirmPassword", "This does not match the new password.");
            }
        }
        if (!errors.isEmpty()) {
            return render(actor, Map.of(), errors, model);
        }
        accounts.changePassword(account.id(), encoder.encode(newPassword));
        request.changeSessionId();
        signIns.renew(request.getSession());
        audit.record(actor.email(), actor.source(), "account.password", "account", actor.email(), "",
                Map.of("password", "old"), Map.of("password", "new"));
        redirect.addFlashAttribute("notice", "Your password is changed. Your other sessions have been signed out.");
        return "redirect:/profile";
    }
}
