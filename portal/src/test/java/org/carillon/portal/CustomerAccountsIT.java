package org.carillon.portal;

import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff create customers; the owner verifies by the emailed link, sets a password and signs in (issue 8). */
class CustomerAccountsIT extends PortalContext {

    @Test
    void staffCreatesACustomerWhoseOwnerSetsTheirOwnPasswordFromTheEmailedLink() throws Exception {
        WebClient staff = staff();
        String csrf = staff.csrfToken("/customers/new");
        String userId = "acme" + System.nanoTime();
        var created = staff.postForm("/customers", Map.of("_csrf", csrf, "companyName", "Acme Telecom",
                "userId", userId, "tier", "carrier_partner", "discountPercent", "12.5", "taxPercent", "19",
                "country", "de", "ownerEmail", userId + "@example.com", "ownerFirstName", "Ada",
                "ownerLastName", "Lovelace"));
        assertThat(created.statusCode()).isEqualTo(302);
        String customerPage = created.headers().firstValue("Location").orElseThrow();
        assertThat(staff.get(customerPage.replaceFirst("^http://[^/]+", "")).body())
                .contains("Acme Telecom").contains("unverified");
        assertThat(staff.get("/customers?q=acme+tel").body()).contains("Acme Telecom").contains("Carrier partner");

        // Not verified yet: no password, so no sign-in.
        assertThat(web().login(userId + "@example.com", PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");

        var mail = lastMailTo(userId + "@example.com");
        assertThat(mail.getSubject()).contains("verify your email");
        String link = linkPath(mail);
        WebClient owner = web();
        String page = owner.get(link).body();
        assertThat(page).contains(userId + "@example.com");
        String token = link.substring(link.indexOf("token=") + 6);
        var set = owner.postForm("/welcome", Map.of("_csrf", owner.csrfToken(link), "token", token,
                "password", PASSWORD, "confirm", PASSWORD));
        assertThat(set.statusCode()).isEqualTo(302);

        WebClient signedIn = signedIn(userId + "@example.com");
        String dashboard = signedIn.get("/").body();
        assertThat(dashboard).contains("Total subscriptions").contains("Sub account settings")
                .doesNotContain("href=\"/customers\"");
        assertThat(staff.get(customerPage.replaceFirst("^http://[^/]+", "")).body()).contains("active");
    }

    @Test
    void invalidCustomerFormShowsEachErrorBesideItsField() {
        WebClient staff = staff();
        var response = staff.postForm("/customers", Map.of("_csrf", staff.csrfToken("/customers/new"),
                "companyName", "", "userId", "a", "tier", "emperor", "discountPercent", "150", "taxPercent", "x",
                "country", "Germany", "ownerEmail", "nope"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Company name is required.")
                .contains("Use 3–32 letters").contains("Choose a partner tier.")
                .contains("Enter a percentage from 0 to 100").contains("two-letter country code")
                .contains("Enter the owner&#39;s email address.");
    }

    @Test
    void customerUsersCannotOpenStaffPages() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        assertThat(owner.get("/customers").statusCode()).isEqualTo(403);
        assertThat(owner.get("/catalog").statusCode()).isEqualTo(403);
    }
}
