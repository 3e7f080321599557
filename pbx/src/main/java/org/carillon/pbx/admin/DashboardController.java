package org.carillon.pbx.admin;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.CurrentRole;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.license.LicenseService;
import org.carillon.pbx.tenant.TenancyMode;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.pbx.tenant.TenantStore;
import org.carillon.pbx.voicemail.StorageFailures;
import org.carillon.platform.account.AccountStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

/**
 * The PBX start page: the tenant, the license state, problems an admin must see (voicemail storage) and, for an
 * Owner/Manager, the figures of SPEC §5 ({@link DashboardFigures}); registered devices and calls now refresh from
 * {@code GET /dashboard/live} every 10 s.
 */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DashboardController {
    private final TenantStore tenants;
    private final AccountStore accounts;
    private final LicenseService licenses;
    private final TenancyMode tenancy;
    private final StorageFailures voicemailFailures;
    private final TenantDirectory directory;
    private final CurrentRole role;
    private final DashboardFigures figures;

    public DashboardController(TenantStore tenants, AccountStore accounts, LicenseService licenses,
                               TenancyMode tenancy, StorageFailures voicemailFailures, TenantDirectory directory,
                               CurrentRole role, DashboardFigures figures) {
        this.directory = directory;
        this.role = role;
        this.figures = figures;
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
        if (role.find().filter(Role::admin).isPresent()) {
            var tenant = directory.current();
            model.addAttribute("live", figures.live(tenant));
            model.addAttribute("today", figures.today(tenant));
            model.addAttribute("voicemailWaiting", figures.voicemailWaiting(tenant));
        }
        model.addAttribute("active", "dashboard");
        return "pbx/dashboard";
    }

    /** The live figures alone (registered devices, calls now), for the dashboard's periodic refresh. */
    @GetMapping("/dashboard/live")
    @Allowed(Permission.CALLS)
    public String live(Model model) {
        model.addAttribute("live", figures.live(directory.current()));
        return "pbx/dashboard :: live";
    }
}
