package org.carillon.portal;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.mfa.Base32;
import org.carillon.platform.mfa.MfaService;
import org.carillon.platform.mfa.MfaThrottle;
import org.carillon.platform.mfa.Totp;
import org.carillon.platform.testing.WebClient;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.mfa.MfaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resetting a customer user's two-step sign-in (lost phone and recovery codes): staff reset an owner's, an owner a
 * sub-account's. The user is signed out everywhere, emailed, signs in with the password alone — an owner, for whom
 * it is required, is asked to set it up again — and the audit log names who reset it.
 */
class MfaResetIT extends PortalContext {
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");
    @Autowired
    MfaPolicy policy;
    @Autowired
    MfaThrottle mfaThrottle;
    @Autowired
    MfaService mfa;
    @Autowired
    AuditLog audit;

    @BeforeEach
    @AfterEach
    void optional() {
        policy.setRequired(false);
        mfaThrottle.reset();
    }

    @Test
    void staffResetAnOwnersSecondStepAndTheOwnerIsEmailedSignedOutAndAskedToSetItUpAgain() throws Exception {
        var customer = fixtures.customer();
        long ownerId = fixtures.accountId(customer.ownerEmail());
        WebClient ownerPhone = enrolled(customer.ownerEmail());

        WebClient staff = staff();
        String page = staff.get("/customers/" + customer.id()).body();
        assertThat(page).contains("two-step sign-in on").contains("id=\"mfa-reset-" + ownerId + "\"");
        var reset = staff.postForm("/customers/" + customer.id() + "/owners/" + ownerId + "/mfa-reset",
                Map.of("_csrf", staff.csrfToken("/customers/" + customer.id())));
        assertThat(location(reset)).endsWith("/customers/" + customer.id());
        assertThat(staff.get("/customers/" + customer.id()).body())
                .contains("Two-step sign-in of " + customer.ownerEmail() + " was reset")
                .contains("two-step sign-in off").doesNotContain("id=\"mfa-reset-" + ownerId + "\"");
        assertThat(mfa.enabled(ownerId)).isFalse();
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals("mfa_reset")
                && e.actor().equals(OwnerBootstrap.OWNER_EMAIL) && e.objectId().equals(Long.toString(ownerId)));
        String mail = GreenMailUtil.getBody(lastMailTo(customer.ownerEmail())).replace("=\r\n", "");
        assertThat(mail).contains("reset the two-step sign-in").contains(OwnerBootstrap.OWNER_EMAIL)
                .contains("/mfa/setup");

        assertThat(location(ownerPhone.get("/"))).as("signed out everywhere").contains("/login");
        policy.setRequired(true);
        WebClient again = web();
        again.login(customer.ownerEmail(), PASSWORD);
        assertThat(location(again.get("/"))).as("required for owners: set it up again").endsWith("/mfa/setup");
        assertThat(again.get("/mfa/setup").body()).contains("id=\"mfa-secret\"");
    }

    @Test
    void anOwnerResetsASubAccountsSecondStepWhichThenSignsInWithThePasswordAlone() throws Exception {
        var customer = fixtures.customer();
        String purchaser = fixtures.member(customer.id(), PortalRole.PURCHASER);
        long purchaserId = fixtures.accountId(purchaser);
        WebClient purchaserPhone = enrolled(purchaser);
        assertThat(location(signedIn(purchaser).get("/"))).endsWith("/mfa/verify");

        WebClient owner = signedIn(customer.ownerEmail());
        assertThat(owner.get("/subaccounts").body()).contains("id=\"mfa-reset-" + purchaserId + "\"");
        var reset = owner.postForm("/subaccounts/" + purchaserId + "/mfa-reset",
                Map.of("_csrf", owner.csrfToken("/subaccounts")));
        assertThat(location(reset)).endsWith("/subaccounts");
        String list = owner.get("/subaccounts").body();
        assertThat(list).contains("Two-step sign-in was reset").doesNotContain("id=\"mfa-reset-" + purchaserId + "\"");
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals("mfa_reset")
                && e.actor().equals(customer.ownerEmail()) && e.objectId().equals(Long.toString(purchaserId)));
        assertThat(GreenMailUtil.getBody(lastMailTo(purchaser))).contains("reset the two-step sign-in");

        assertThat(location(purchaserPhone.get("/"))).contains("/login");
        assertThat(signedIn(purchaser).get("/").statusCode()).as("the password alone").isEqualTo(200);
    }

    @Test
    void anOwnerCannotResetAnOwnersAndOtherRolesAndOtherCustomersCannotResetAtAll() {
        var customer = fixtures.customer();
        long ownerId = fixtures.accountId(customer.ownerEmail());
        String coOwner = fixtures.member(customer.id(), PortalRole.OWNER);
        long coOwnerId = fixtures.accountId(coOwner);
        String viewer = fixtures.member(customer.id(), PortalRole.VIEWER);
        long viewerId = fixtures.accountId(viewer);
        enrolled(coOwner);
        enrolled(viewer);

        WebClient owner = signedIn(customer.ownerEmail());
        String token = owner.csrfToken("/subaccounts");
        owner.postForm("/subaccounts/" + coOwnerId + "/mfa-reset", Map.of("_csrf", token));
        assertThat(owner.get("/subaccounts").body()).contains("Owners are managed by the vendor");
        owner.postForm("/subaccounts/" + ownerId + "/mfa-reset", Map.of("_csrf", token));
        assertThat(mfa.enabled(coOwnerId)).isTrue();
        assertThat(owner.postForm("/customers/" + customer.id() + "/owners/" + coOwnerId + "/mfa-reset",
                Map.of("_csrf", token)).statusCode()).as("the staff page").isEqualTo(403);

        WebClient purchaser = signedIn(fixtures.member(customer.id(), PortalRole.PURCHASER));
        assertThat(purchaser.postForm("/subaccounts/" + viewerId + "/mfa-reset",
                Map.of("_csrf", purchaser.csrfToken("/profile"))).statusCode()).isEqualTo(403);

        var other = fixtures.customer();
        WebClient otherOwner = signedIn(other.ownerEmail());
        assertThat(otherOwner.postForm("/subaccounts/" + viewerId + "/mfa-reset",
                Map.of("_csrf", otherOwner.csrfToken("/subaccounts"))).statusCode()).isEqualTo(404);
        assertThat(mfa.enabled(viewerId)).isTrue();
        assertThat(audit.latest(100)).noneMatch(e -> e.action().equals("mfa_reset")
                && (e.objectId().equals(Long.toString(coOwnerId)) || e.objectId().equals(Long.toString(viewerId))));
    }

    /** Signs {@code email} in and turns two-step sign-in on; the returned browser has passed the second step. */
    private WebClient enrolled(String email) {
        WebClient web = signedIn(email);
        Matcher m = SECRET.matcher(web.get("/mfa/setup").body());
        assertThat(m.find()).isTrue();
        String code = Totp.code(Base32.decode(m.group(1)), Totp.step(Instant.now()));
        web.postForm("/mfa/setup", Map.of("_csrf", web.csrfToken("/mfa/setup"), "code", code));
        assertThat(mfa.enabled(fixtures.accountId(email))).isTrue();
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        return web;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
