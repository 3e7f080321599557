package org.carillon.pbx.admin;

import org.carillon.pbx.tenant.TenantStore;
import org.carillon.platform.account.AccountStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The PBX start page. Later issues add registrations, calls, voicemail and the license state to it. */
@Controller
public class DashboardController {
    private final TenantStore tenants;
    private final AccountStore accounts;

    public DashboardController(TenantStore tenants, AccountStore accounts) {
        this.tenants = tenants;
        this.accounts = accounts;
    }

    @GetMapping("/")
    public String dashboard(Model model) {
        model.addAttribute("tenant", tenants.first().orElseThrow());
        model.addAttribute("accountCount", accounts.count());
        model.addAttribute("active", "dashboard");
        return "pbx/dashboard";
    }
}
