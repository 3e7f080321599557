package org.carillon.pbx.audit;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * Settings ▸ Audit log: every change made through the admin or the API, newest first, filtered by user, object and
 * time, with the object's state before and after and a CSV export of the same search. Owner and Manager.
 */
@Controller
@Allowed(Permission.AUDIT)
public class AuditPageController {
    static final int PAGE_SIZE = 50;
    private final AuditStore store;
    private final TenantDirectory tenants;

    public AuditPageController(AuditStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    @GetMapping("/audit")
    public String page(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        AuditFilter filter = AuditFilter.of(params);
        model.addAttribute("filter", filter);
        model.addAttribute("objectTypes", store.objectTypes());
        model.addAttribute("active", "audit");
        model.addAttribute("zone", tenants.current().timeZone());
        try {
            var found = store.search(filter.query(tenants.current().timeZone(), Math.max(0, page), PAGE_SIZE));
            int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            model.addAttribute("entries", found.entries());
            model.addAttribute("total", found.total());
            model.addAttribute("page", Math.max(0, page));
            model.addAttribute("pages", pages);
            model.addAttribute("errors", Map.of());
        } catch (InvalidAuditFilterException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("page", 0);
            model.addAttribute("pages", 1);
            model.addAttribute("errors", e.byField());
        }
        return "pbx/audit";
    }
}
