package org.carillon.portal.order;

/**
 * The checkout form: billing details and card. The card fields are read once into a
 * {@link org.carillon.portal.payment.Card} and never stored or echoed back into the page.
 *
 * @param orderId the cart being paid, so that a second click on Pay finds it already paid
 */
public record CheckoutForm(String orderId, String billingName, String billingAddress, String billingEmail,
                           String cardHolder, String cardNumber, String cardExpiry, String cardCvc) {

    public CheckoutForm {
        orderId = t(orderId);
        billingName = t(billingName);
        billingAddress = t(billingAddress);
        billingEmail = t(billingEmail);
        cardHolder = t(cardHolder);
        cardNumber = t(cardNumber);
        cardExpiry = t(cardExpiry);
        cardCvc = t(cardCvc);
    }

    /** The same form without the card fields, for showing it again. */
    public CheckoutForm withoutCard() {
        return new CheckoutForm(orderId, billingName, billingAddress, billingEmail, cardHolder, "", "", "");
    }

    private static String t(String s) {
        return s == null ? "" : s.trim();
    }
}
