package org.carillon.portal.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The portal's money rule, in one place. Amounts are {@code long} minor units (cents) of the one portal currency
 * ({@link #CURRENCY}); percentages are {@link BigDecimal}s with up to two decimals. Every derived amount is computed
 * exactly and rounded once to a whole cent, half away from zero ({@link RoundingMode#HALF_UP}), in this order, per
 * order line:
 * <ol>
 *   <li>list = yearly price × years (exact), or the prorated difference for an upgrade or added extensions
 *       (yearly difference × remaining days / 365, rounded);</li>
 *   <li>discount = list × discount % / 100, rounded — the partner discount applies only to discountable editions
 *       and always before tax;</li>
 *   <li>tax = (list − discount) × tax % / 100, rounded;</li>
 *   <li>total = list − discount + tax.</li>
 * </ol>
 * Order and invoice totals are the sums of their lines' rounded amounts, so they always add up on paper.
 */
public final class Money {
    /** ISO 4217 code of every price, order and invoice. */
    public static final String CURRENCY = "EUR";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** {@code minor × percent / 100}, rounded half-up to a whole minor unit. */
    public static long percentOf(long minor, BigDecimal percent) {
        return BigDecimal.valueOf(minor).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@code yearlyMinor × days / 365}, rounded half-up; negative days count as none. */
    public static long prorate(long yearlyMinor, long days) {
        return BigDecimal.valueOf(yearlyMinor).multiply(BigDecimal.valueOf(Math.max(0, days)))
                .divide(BigDecimal.valueOf(365), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The amounts of one line, derived from its list amount by the rule above. */
    public static LineAmounts line(long listMinor, BigDecimal discountPercent, BigDecimal taxPercent) {
        long discount = percentOf(listMinor, discountPercent);
        long tax = percentOf(listMinor - discount, taxPercent);
        return new LineAmounts(listMinor, discountPercent, discount, taxPercent, tax, listMinor - discount + tax);
    }

    /** {@code 123456} → {@code "1,234.56"}. */
    public static String format(long minor) {
        if (minor == Long.MIN_VALUE) {    // no absolute value; never an amount, kept as the formatter wrote it
            return String.format(java.util.Locale.ROOT, "%s%,d.%02d", "-", Math.abs(minor) / 100, Math.abs(minor) % 100);
        }
        // By hand rather than String.format: the invoice list formats every row's amount (issue 8).
        long abs = Math.abs(minor);
        String units = Long.toString(abs / 100);
        long cents = abs % 100;
        StringBuilder b = new StringBuilder(units.length() + units.length() / 3 + 4);
        if (minor < 0) {
            b.append('-');
        }
        int first = units.length() % 3 == 0 ? 3 : units.length() % 3;
        b.append(units, 0, first);
        for (int i = first; i < units.length(); i += 3) {
            b.append(',').append(units, i, i + 3);
        }
        return b.append('.').append(cents < 10 ? "0" : "").append(cents).toString();
    }

    /**
     * Reads an amount typed by a person ({@code 1234.5}, {@code 1,234.50}).
     *
     * @throws NumberFormatException when it is not an amount with at most two decimals
     */
    public static long parse(String text) {
        BigDecimal value = new BigDecimal(text.trim().replace(",", ""));
        return value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** A line's snapshotted amounts. */
    public record LineAmounts(long listMinor, BigDecimal discountPercent, long discountMinor, BigDecimal taxPercent,
                              long taxMinor, long totalMinor) {
    }
}
