package org.carillon.portal.payment;

import org.carillon.portal.form.FieldErrors;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Checks typed card details before anything is charged: the number passes the Luhn check (ISO/IEC 7812-1 annex B),
 * 12–19 digits; the expiry month is this month or later; the CVC is 3 digits (4 for American Express).
 */
public final class CardCheck {
    private CardCheck() {
    }

    /**
     * @param number  as typed (spaces and dashes allowed)
     * @param expiry  {@code MM/YY} or {@code MM/YYYY}
     * @return the card, or empty with the problems added to {@code errors} under {@code cardNumber},
     *         {@code cardExpiry}, {@code cardCvc} and {@code cardHolder}
     */
    public static Optional<Card> read(String holder, String number, String expiry, String cvc, YearMonth now,
                                      FieldErrors errors) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            errors.add("cardNumber", "Enter a valid card number.");
        }
        Optional<YearMonth> month = expiry(expiry);
        if (month.isEmpty()) {
            errors.add("cardExpiry", "Enter the expiry date as MM/YY.");
        } else if (month.get().isBefore(now)) {
            errors.add("cardExpiry", "This card has expired.");
        }
        String c = cvc == null ? "" : cvc.trim();
        boolean amex = digits.startsWith("34") || digits.startsWith("37");
        if (!c.matches(amex ? "\\d{4}" : "\\d{3}")) {
            errors.add("cardCvc", amex ? "Enter the 4-digit code on the front of the card." : "Enter the 3-digit code.");
        }
        String h = holder == null ? "" : holder.trim();
        if (h.isEmpty() || h.length() > 100) {
            errors.add("cardHolder", "Enter the name on the card.");
        }
        if (errors.has("cardNumber") || errors.has("cardExpiry") || errors.has("cardCvc") || errors.has("cardHolder")) {
            return Optional.empty();
        }
        return Optional.of(new Card(h, digits, month.get(), c));
    }

    /** The Luhn (mod 10) check digit test. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static Optional<YearMonth> expiry(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = java.util.regex.Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*").matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(1));
        int year = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(year < 100 ? 2000 + year : year, month));
    }
}
