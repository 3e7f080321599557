package org.carillon.pbx.admin;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.license.LicenseService;
import org.carillon.pbx.tenant.TenancyMode;
import org.carillon.pbx.tenant.TenantStore;
import org.carillon.platform.account.AccountStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The PBX start page. Later issues add registrations, calls, voicemail and the license state to it. */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DashboardController {
    private final TenantStore tenants;
    private final AccountStore accounts;
    private final LicenseService licenses;
    private final TenancyMode tenancy;

    public DashboardController(TenantStore tenants, AccountStore accounts, LicenseService licenses,
                               TenancyMode tenancy) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.licenses = licenses;
        this.tenancy = tenancy;
    }

    @GetMapping("/")
    public String dashboard(Model model) {
        model.addAttribute("tenant", tenants.first().orElseThrow());
        model.addAttribute("accountCount", accounts.count());
        model.addAttribute("license", licenses.view());
        model.addAttribute("tenancy", tenancy.label());
        model.addAttribute("active", "dashboard");
        return "pbx/dashboard";
    }
}
