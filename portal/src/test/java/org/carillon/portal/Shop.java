package org.carillon.portal;

import org.carillon.platform.testing.WebClient;
import org.carillon.portal.payment.SandboxPaymentGateway;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the Purchases → cart → checkout pages of a signed-in user, as a browser would post them. */
final class Shop {
    private static final Pattern ORDER_ID = Pattern.compile("name=\"orderId\" value=\"(\\d+)\"");
    private final WebClient web;

    Shop(WebClient web) {
        this.web = web;
    }

    HttpResponse<String> add(String kind, String edition, String extensions, String extraYears, String licenseId) {
        return web.postForm("/cart/lines", Map.of("_csrf", web.csrfToken("/purchases"), "kind", kind,
                "edition", edition, "extensions", extensions, "extraYears", extraYears, "licenseId", licenseId));
    }

    HttpResponse<String> addNew(String edition, int extensions, int extraYears) {
        return add("new", edition, Integer.toString(extensions), Integer.toString(extraYears), "");
    }

    /** The id of the cart the checkout page offers to pay. */
    String cartId() {
        Matcher m = ORDER_ID.matcher(web.get("/checkout").body());
        if (!m.find()) {
            throw new AssertionError("no cart on the checkout page");
        }
        return m.group(1);
    }

    HttpResponse<String> pay(String orderId, String card) {
        return pay(orderId, card, "12/39", "123");
    }

    HttpResponse<String> pay(String orderId, String card, String expiry, String cvc) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", web.csrfToken("/cart"), "orderId", orderId,
                "billingName", "Acme GmbH", "billingAddress", "Hauptstr. 1, 10115 Berlin, DE",
                "billingEmail", "billing@example.com", "cardHolder", "Ada Lovelace", "cardNumber", card,
                "cardExpiry", expiry, "cardCvc", cvc));
        return web.postForm("/checkout", form);
    }

    /** Adds one Standard 10-extension year and pays it with the approving card; returns the order page path. */
    String buyStandard() {
        addNew("standard", 10, 0);
        var paid = pay(cartId(), SandboxPaymentGateway.APPROVE);
        return paid.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
    }
}
