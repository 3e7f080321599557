package org.carillon.portal.dashboard;

import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.license.LicenseCounts;
import org.carillon.portal.license.LicenseService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page. A customer's users see their subscription figures (total, active, expiring within 30 days,
 * expired or inactive) and quick links; staff see the number of customer accounts.
 */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DashboardController {
    private final LicenseService licenses;
    private final JdbcClient jdbc;

    public DashboardController(LicenseService licenses, JdbcClient jdbc) {
        this.licenses = licenses;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    public String dashboard(Viewer me, Model model) {
        if (me.staff()) {
            model.addAttribute("customerCount", jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single());
        } else {
            LicenseCounts counts = licenses.counts(me.customer());
            model.addAttribute("counts", counts);
            // the quick links' conditions as plain values, not SpEL method calls on the viewer (issue 8, bench/portal)
            model.addAttribute("canPurchase", me.can(Permission.PURCHASE));
            model.addAttribute("canInvoice", me.can(Permission.INVOICE));
        }
        model.addAttribute("active", "dashboard");
        return "portal/dashboard";
    }
}
