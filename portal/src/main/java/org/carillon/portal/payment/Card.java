package org.carillon.portal.payment;

import java.time.YearMonth;

/**
 * Card details as typed at checkout. Held only for the duration of one charge: never stored, logged or audited —
 * only {@link #masked()} and {@link #brand()} are kept with the payment. {@link #toString()} is masked too.
 *
 * @param number digits only
 */
public record Card(String holder, String number, YearMonth expiry, String cvc) {

    public String last4() {
        return number.length() >= 4 ? number.substring(number.length() - 4) : number;
    }

    public String masked() {
        return "•••• " + last4();
    }

    public String brand() {
        if (number.startsWith("4")) {
            return "Visa";
        }
        if (number.startsWith("5") || number.startsWith("2")) {
            return "Mastercard";
        }
        if (number.startsWith("34") || number.startsWith("37")) {
            return "American Express";
        }
        return "Card";
    }

    @Override
    public String toString() {
        return "Card[" + masked() + "]";
    }
}
