package org.carillon.pbx.admin;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.license.LicenseService;
import org.carillon.pbx.tenant.TenancyMode;
import org.carillon.pbx.tenant.TenantStore;
import org.carillon.pbx.voicemail.StorageFailures;
import org.carillon.platform.account.AccountStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

/** The PBX start page: the tenant, the license state, and problems an admin must see (voicemail storage). */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DashboardController {
    private final TenantStore tenants;
    private final AccountStore accounts;
    private final LicenseService licenses;
    private final TenancyMode tenancy;
    private final StorageFailures voicemailFailures;

    public DashboardController(TenantStore tenants, AccountStore accounts, LicenseService licenses,
                               TenancyMode tenancy, StorageFailures voicemailFailures) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.licenses = licenses;
        this.tenancy = tenancy;
        this.voicemailFailures = voicemailFailures;
    }

    @GetMapping("/")
    public String dashboard(Model model) {
        model.addAttribute("tenant", tenants.first().orElseThrow());
        model.addAttribute("accountCount", accounts.count());
        model.addAttribute("license", licenses.view());
        model.addAttribute("tenancy", tenancy.label());
        model.addAttribute("voicemailFailures", voicemailFailures.within(Duration.ofDays(7)));
        model.addAttribute("active", "dashboard");
        return "pbx/dashboard";
    }
}
