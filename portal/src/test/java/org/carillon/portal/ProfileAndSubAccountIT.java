package org.carillon.portal;

import org.carillon.platform.testing.WebClient;
import org.carillon.portal.access.PortalRole;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile settings with read-only fields; password change by emailed link; sub-account invite → verify → sign in. */
class ProfileAndSubAccountIT extends PortalContext {

    @Test
    void profileSavesPersonalDetailsAndShowsCompanyFieldsReadOnly() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        String page = owner.get("/profile").body();
        assertThat(page).contains("id=\"ro-companyName\"").contains(customer.userId()).contains("readonly");
        var saved = owner.postForm("/profile", Map.of("_csrf", owner.csrfToken("/profile"), "firstName", "Grace",
                "lastName", "Hopper", "phone", "+49 30 1234", "addressLine", "Hauptstr. 1", "city", "Berlin",
                "postalCode", "10115", "country", "de"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(owner.get("/profile").body()).contains("Grace").contains("Hopper").contains("Berlin")
                .contains("value=\"DE\"");
        var invalid = owner.postForm("/profile", Map.of("_csrf", owner.csrfToken("/profile"), "firstName", "",
                "lastName", "Hopper", "country", "Germany"));
        assertThat(invalid.body()).contains("First name is required.").contains("two-letter country code");
    }

    @Test
    void postingAReadOnlyFieldIsRejectedAndChangesNothing() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        for (String field : new String[] {"companyName", "userId", "discountPercent"}) {
            var response = owner.postForm("/profile", Map.of("_csrf", owner.csrfToken("/profile"),
                    "firstName", "Eve", "lastName", "Mallory", field, "99"));
            assertThat(response.statusCode()).as(field).isEqualTo(400);
        }
        String page = owner.get("/profile").body();
        assertThat(page).doesNotContain("Mallory").contains("Company ").contains(customer.userId());
    }

    @Test
    void changePasswordSendsAResetLinkThatSetsTheNewPassword() throws Exception {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        var sent = owner.postForm("/profile/password", Map.of("_csrf", owner.csrfToken("/profile")));
        assertThat(sent.statusCode()).isEqualTo(302);
        String link = linkPath(lastMailTo(customer.ownerEmail()));
        assertThat(link).startsWith("/password/reset?token=");
        WebClient browser = web();
        String token = link.substring(link.indexOf("token=") + 6);
        String newPassword = "a brand new passphrase 77";
        var reset = browser.postForm("/password/reset", Map.of("_csrf", browser.csrfToken(link), "token", token,
                "password", newPassword, "confirm", newPassword));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(web().login(customer.ownerEmail(), newPassword).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        assertThat(owner.get("/").statusCode()).as("the old session ended").isEqualTo(302);
    }

    @Test
    void ownerInvitesASubAccountThatVerifiesSetsItsPasswordAndSignsInWithItsRole() throws Exception {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        String email = "new.user." + System.nanoTime() + "@example.com";
        var created = owner.postForm("/subaccounts", Map.of("_csrf", owner.csrfToken("/subaccounts"),
                "email", email, "firstName", "Linus", "lastName", "Torvalds", "role", "billing"));
        assertThat(created.statusCode()).isEqualTo(302);
        String accounts = owner.get("/subaccounts").body();
        assertThat(accounts).contains(email).contains("unverified");

        var mail = lastMailTo(email);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("Verify my email");
        String link = linkPath(mail);
        WebClient invitee = web();
        String token = link.substring(link.indexOf("token=") + 6);
        invitee.postForm("/welcome", Map.of("_csrf", invitee.csrfToken(link), "token", token,
                "password", PASSWORD, "confirm", PASSWORD));
        assertThat(owner.get("/subaccounts").body()).contains(email).contains(">active<");

        WebClient billing = signedIn(email);
        assertThat(billing.get("/invoices").statusCode()).isEqualTo(200);
        assertThat(billing.get("/purchases").statusCode()).isEqualTo(403);
        assertThat(billing.get("/subaccounts").statusCode()).isEqualTo(403);
        assertThat(billing.get("/").body()).doesNotContain("Sub account settings").doesNotContain(">Purchases<");
    }

    @Test
    void aResentInvitationReplacesTheEarlierLink() throws Exception {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        String email = "resend." + System.nanoTime() + "@example.com";
        owner.postForm("/subaccounts", Map.of("_csrf", owner.csrfToken("/subaccounts"), "email", email,
                "firstName", "Ken", "lastName", "Thompson", "role", "technical"));
        String first = linkPath(lastMailTo(email));
        long id = fixtures.accountId(email);
        assertThat(owner.postForm("/subaccounts/" + id + "/invitation",
                Map.of("_csrf", owner.csrfToken("/subaccounts"))).statusCode()).isEqualTo(302);
        String second = linkPath(lastMailTo(email));
        assertThat(second).isNotEqualTo(first);
        assertThat(web().get(first).body()).contains("expired or has already been used");
        assertThat(web().get(second).body()).contains(email);
    }

    @Test
    void subAccountFormErrorsAppearBesideTheFieldsAndOwnersCannotBeDemoted() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        var invalid = owner.postForm("/subaccounts", Map.of("_csrf", owner.csrfToken("/subaccounts"),
                "email", customer.ownerEmail(), "firstName", "", "lastName", "X", "role", "staff"));
        assertThat(invalid.body()).contains("First name is required.").contains("Choose purchaser, technical");
        var taken = owner.postForm("/subaccounts", Map.of("_csrf", owner.csrfToken("/subaccounts"),
                "email", customer.ownerEmail(), "firstName", "A", "lastName", "B", "role", "viewer"));
        assertThat(taken.body()).contains("already has an account");
        long self = fixtures.accountId(customer.ownerEmail());
        owner.postForm("/subaccounts/" + self + "/role", Map.of("_csrf", owner.csrfToken("/subaccounts"),
                "role", "viewer"));
        assertThat(accounts.findById(self).orElseThrow().role()).isEqualTo("owner");
    }

    @Test
    void disablingASubAccountEndsItsSession() {
        var customer = fixtures.customer();
        String viewer = fixtures.member(customer.id(), PortalRole.VIEWER);
        WebClient viewerWeb = signedIn(viewer);
        WebClient owner = signedIn(customer.ownerEmail());
        owner.postForm("/subaccounts/" + fixtures.accountId(viewer) + "/disable",
                Map.of("_csrf", owner.csrfToken("/subaccounts")));
        assertThat(viewerWeb.get("/").statusCode()).isEqualTo(302);
        assertThat(owner.get("/subaccounts").body()).contains("disabled");
    }
}
