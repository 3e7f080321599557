package org.carillon.pbx.cdr;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;

/**
 * My calls: the signed-in user's own call history (calls their extension made, was dialled in or answered), newest
 * first, paged. Every role; an account without an extension has no calls of its own.
 */
@Controller
@Allowed(Permission.OWN_CALLS)
public class OwnCallsController {
    static final int PAGE_SIZE = 25;
    private final CdrStore store;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public OwnCallsController(CdrStore store, TenantDirectory tenants, ActorResolver actors) {
        this.store = store;
        this.tenants = tenants;
        this.actors = actors;
    }

    @GetMapping("/profile/calls")
    public String calls(@RequestParam(defaultValue = "0") int page, Authentication auth, HttpServletRequest request,
                        Model model) {
        Actor actor = actors.resolve(auth, request);
        model.addAttribute("active", "my-calls");
        model.addAttribute("number", actor.extension().orElse(null));
        if (actor.extension().isEmpty()) {
            model.addAttribute("calls", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("page", 0);
            model.addAttribute("pages", 1);
            return "pbx/calls/mine";
        }
        var q = new CallHistoryQuery(actor.extension(), Optional.empty(), Optional.empty(), Optional.empty(),
                Math.max(0, page), PAGE_SIZE);
        var found = store.search(tenants.current().id(), q);
        model.addAttribute("calls", found.calls());
        model.addAttribute("total", found.total());
        model.addAttribute("page", q.page());
        model.addAttribute("pages", (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "pbx/calls/mine";
    }
}
