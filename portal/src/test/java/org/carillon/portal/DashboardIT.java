package org.carillon.portal;

import org.junit.jupiter.api.Test;

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
}
