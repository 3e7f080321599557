package org.carillon.portal.license;

import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * License history (masked keys with each license's events) and the license list (full keys for owners and
 * technical users).
 */
@Controller
@Allowed(Permission.LICENSE_VIEW)
public class LicenseController {
    private final LicenseService licenses;

    public LicenseController(LicenseService licenses) {
        this.licenses = licenses;
    }

    @GetMapping("/license-history")
    public String history(Viewer me, @RequestParam(defaultValue = "") String q,
                          @RequestParam(defaultValue = "1") int page, Model model) {
        var result = licenses.page(me.customer(), q, page);
        model.addAttribute("page", result);
        model.addAttribute("events", licenses.events(me.customer(), result.items()));
        model.addAttribute("today", licenses.today());
        model.addAttribute("q", q);
        model.addAttribute("active", "history");
        return "portal/license/history";
    }

    @GetMapping("/licenses")
    public String list(Viewer me, @RequestParam(defaultValue = "") String q,
                       @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("page", licenses.page(me.customer(), q, page));
        model.addAttribute("today", licenses.today());
        model.addAttribute("fullKeys", me.can(Permission.LICENSE_MANAGE));
        model.addAttribute("q", q);
        model.addAttribute("active", "licenses");
        return "portal/license/list";
    }
}
