package org.carillon.portal;

import org.carillon.portal.access.PortalRole;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboard subscription figures on seeded licenses. */
class DashboardIT extends PortalContext {

    @Test
    void dashboardCountsTotalActiveExpiringAndExpiredOrInactiveLicenses() {
        var customer = fixtures.customer();
        fixtures.license(customer.id(), "standard", 10, 200, "active");     // active
        fixtures.license(customer.id(), "standard", 10, 30, "active");      // active, expiring (≤ 30 days)
        fixtures.license(customer.id(), "professional", 25, 0, "active");   // active, ends today: expiring
        fixtures.license(customer.id(), "standard", 10, -1, "active");      // expired yesterday
        fixtures.license(customer.id(), "enterprise", 50, 100, "suspended"); // inactive
        fixtures.license(fixtures.customer().id(), "standard", 10, 100, "active"); // someone else's

        String page = signedIn(customer.ownerEmail()).get("/").body();
        assertThat(page).contains("id=\"count-total\">5<").contains("id=\"count-active\">3<")
                .contains("id=\"count-expiring\">2<").contains("id=\"count-expired\">2<");
    }

    @Test
    void staffDashboardShowsCustomerAccounts() {
        assertThat(staff().get("/").body()).contains("Customer accounts").contains("Create customer");
    }

    @Test
    void quickLinksLeadToTheHelpGuidesWhoseRolesTableIsThePermissionTable() {
        var customer = fixtures.customer();
        assertThat(signedIn(customer.ownerEmail()).get("/").body()).contains("id=\"guides-link\"")
                .contains("href=\"/guides\"");
        assertThat(staff().get("/").body()).contains("href=\"/guides\"");

        var guides = signedIn(fixtures.member(customer.id(), PortalRole.VIEWER)).get("/guides");
        assertThat(guides.statusCode()).isEqualTo(200);
        String page = guides.body();
        assertThat(page).contains("Installing the PBX", "Activating a license", "Buying and renewing", "Invoices",
                "Accounts and roles", "Signing in safely");
        // columns Owner, Purchaser, Technical, Billing, Viewer: buying is the owner's and the purchaser's only
        assertThat(row(page, "Buy: catalog, cart, checkout and payment")).containsExactly("yes", "yes", "no", "no",
                "no");
        assertThat(row(page, "Invite sub-accounts, change their role, disable them, reset their two-step sign-in"))
                .containsExactly("yes", "no", "no", "no", "no");
        assertThat(page).doesNotContain("Staff: editions and prices");
    }

    /** The yes/no cells of the roles table's row for one right, in column order. */
    private static java.util.List<String> row(String page, String right) {
        int start = page.indexOf(">" + right + "</th>");
        assertThat(start).as("row %s", right).isPositive();
        String cells = page.substring(start, page.indexOf("</tr>", start));
        return Pattern.compile("class=\"visually-hidden\">(yes|no)<").matcher(cells).results()
                .map(m -> m.group(1)).toList();
    }
}
