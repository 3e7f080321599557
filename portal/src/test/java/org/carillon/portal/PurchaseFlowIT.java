package org.carillon.portal;

import org.carillon.platform.testing.WebClient;
import org.carillon.portal.customer.PartnerTier;
import org.carillon.portal.payment.SandboxPaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Purchases → cart → checkout → Pay with the sandbox's test cards; licenses and invoices only on PAID. */
class PurchaseFlowIT extends PortalContext {
    @Autowired
    JdbcClient jdbc;

    @Test
    void cartShowsDiscountBeforeTaxAndTheTotal() {
        var customer = fixtures.customer(PartnerTier.RESELLER, "10", "19");
        Shop shop = new Shop(signedIn(customer.ownerEmail()));
        assertThat(shop.addNew("standard", 10, 1).statusCode()).isEqualTo(302);
        // 2 years × 199.00 = 398.00; discount 10 % = 39.80; tax 19 % of 358.20 = 68.058 → 68.06; total 426.26.
        String cart = signedIn(customer.ownerEmail()).get("/cart").body();
        assertThat(cart).contains("Standard, 10 extensions, 2 year(s)").contains("398.00").contains("-39.80")
                .contains("68.06").contains("EUR 426.26").contains("Proceed to Checkout").contains("Continue Shopping");
    }

    @Test
    void approvedCardPaysTheOrderAndCreatesTheLicenseAndInvoice() throws Exception {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.addNew("professional", 25, 0);
        String orderId = shop.cartId();
        var paid = shop.pay(orderId, "4242 4242 4242 4242");
        assertThat(paid.headers().firstValue("Location").orElseThrow()).endsWith("/orders/" + orderId);
        String result = owner.get("/orders/" + orderId).body();
        assertThat(result).contains("Payment approved").contains("INV-");
        assertThat(status(orderId)).isEqualTo("FULFILLED");
        assertThat(owner.get("/licenses").body()).contains("Professional").contains("CAR1-");
        assertThat(owner.get("/license-history").body()).contains("Purchased").contains("ORD-" + orderId);
        // The list carries a details button per row; the details load from the row's fragment (issue 8).
        var details = java.util.regex.Pattern.compile("hx-get=\"(/invoices/\\d+/payment)\"")
                .matcher(owner.get("/invoices").body());
        assertThat(details.find()).as("the invoice's details button").isTrue();
        assertThat(owner.get(details.group(1)).body()).contains("•••• 4242").contains("Visa").contains("sbx_");
        assertThat(owner.get("/cart").body()).contains("Your cart is empty.");
        var receipt = lastMailTo("billing@example.com");
        assertThat(receipt.getSubject()).startsWith("Carillon invoice INV-");
        assertThat(receipt.getContentType()).startsWith("multipart/");
        var multipart = (jakarta.mail.Multipart) receipt.getContent();
        boolean pdf = false;
        for (int i = 0; i < multipart.getCount(); i++) {
            pdf |= multipart.getBodyPart(i).getContentType().startsWith("application/pdf");
        }
        assertThat(pdf).as("the invoice PDF is attached").isTrue();
    }

    @Test
    void declinedCardFailsTheOrderCreatesNothingAndPutsTheLinesBackInTheCart() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.addNew("standard", 10, 0);
        String orderId = shop.cartId();
        shop.pay(orderId, SandboxPaymentGateway.DECLINE);
        assertThat(status(orderId)).isEqualTo("FAILED");
        assertThat(owner.get("/orders/" + orderId).body()).contains("Payment failed").contains("declined");
        assertThat(count("SELECT COUNT(*) FROM license WHERE customer_id = ?", customer.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE customer_id = ?", customer.id())).isZero();
        assertThat(owner.get("/cart").body()).contains("Standard, 10 extensions");
        // Insufficient funds, then the retry card (approved on the gateway's second attempt) with the restored cart.
        String second = shop.cartId();
        shop.pay(second, SandboxPaymentGateway.INSUFFICIENT_FUNDS);
        assertThat(owner.get("/orders/" + second).body()).contains("insufficient funds");
        String third = shop.cartId();
        shop.pay(third, SandboxPaymentGateway.RETRY);
        assertThat(status(third)).isEqualTo("FULFILLED");
        assertThat(count("SELECT COUNT(*) FROM license WHERE customer_id = ?", customer.id())).isEqualTo(1);
    }

    @Test
    void invalidCardDetailsAreRefusedBesideTheFieldsWithoutCharging() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.addNew("standard", 10, 0);
        String orderId = shop.cartId();
        var response = shop.pay(orderId, "4242 4242 4242 4241", "01/20", "12");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Enter a valid card number.").contains("This card has expired.")
                .contains("Enter the 3-digit code.").doesNotContain("4242 4242 4242 4241");
        assertThat(status(orderId)).isEqualTo("CART");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE order_id = ?", Long.parseLong(orderId))).isZero();
    }

    @Test
    void doubleClickedPayChargesOnceAndIssuesOneInvoice() throws Exception {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.addNew("enterprise", 50, 0);
        String orderId = shop.cartId();
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(() -> shop.pay(orderId, SandboxPaymentGateway.APPROVE).statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var f : pool.invokeAll(clicks)) {
                assertThat(f.get()).isEqualTo(302);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE order_id = ?", Long.parseLong(orderId))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE order_id = ?", Long.parseLong(orderId))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM license WHERE customer_id = ?", customer.id())).isEqualTo(1);
    }

    @Test
    void multiTenantIsForCarrierPartnersOnlyAndNeverDiscounted() {
        var reseller = fixtures.customer(PartnerTier.RESELLER, "20", "0");
        var refused = new Shop(signedIn(reseller.ownerEmail())).addNew("multi_tenant", 100, 0);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("sold to carrier partners only");

        var carrier = fixtures.customer(PartnerTier.CARRIER_PARTNER, "20", "0");
        WebClient web = signedIn(carrier.ownerEmail());
        new Shop(web).addNew("multi_tenant", 100, 0);
        // no discount reads 0.00, not a negative zero
        assertThat(web.get("/cart").body()).contains("Multi-Tenant").contains(">0.00 (0.00 %)<").doesNotContain("-0.00")
                .contains("EUR 3,999.00");
    }

    @Test
    void renewalUpgradeAndExtraExtensionsChangeTheExistingLicense() {
        var customer = fixtures.customer(PartnerTier.RESELLER, "0", "0");
        long license = fixtures.license(customer.id(), "standard", 10, 182, "active");
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.add("renewal", "", "", "1", Long.toString(license));
        shop.add("upgrade", "professional", "", "0", Long.toString(license));
        shop.add("add_extensions", "", "25", "0", Long.toString(license));
        String cart = owner.get("/cart").body();
        // Renewal 2 × 199.00; upgrade (299 − 199) × 183 / 365 = 50.14; extensions (399 − 199) × 183 / 365 = 100.27.
        assertThat(cart).contains("398.00").contains("50.14").contains("100.27");
        shop.pay(shop.cartId(), SandboxPaymentGateway.APPROVE);
        String history = owner.get("/license-history").body();
        assertThat(history).contains("Renewed").contains("Upgraded").contains("Extensions added");
        assertThat(owner.get("/licenses").body()).contains("Professional").contains(">25<");
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM purchase_order WHERE id = ?").param(Long.parseLong(orderId))
                .query(String.class).single();
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
