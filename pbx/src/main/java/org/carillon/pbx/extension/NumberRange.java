package org.carillon.pbx.extension;

import org.carillon.platform.settings.InvalidSettingException;

/**
 * The range new extension numbers are taken from (CONTRACTS.md number plan: {@code 1000-8999} by default; setting
 * {@code CARILLON_EXTENSION_NUMBERS}).
 */
public record NumberRange(long low, long high) {
    public static final String SETTING = "CARILLON_EXTENSION_NUMBERS";

    /** @throws InvalidSettingException when not {@code LOW-HIGH} with 10 ≤ LOW ≤ HIGH < 10^10 */
    public static NumberRange parse(String raw) {
        String[] parts = raw.split("-", -1);
        try {
            if (parts.length == 2) {
                long low = Long.parseLong(parts[0].trim());
                long high = Long.parseLong(parts[1].trim());
                if (low >= 10 && low <= high && high < 10_000_000_000L) {
                    return new NumberRange(low, high);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(SETTING, "'" + raw + "' must be LOW-HIGH, e.g. 1000-8999");
    }

    public boolean contains(long n) {
        return n >= low && n <= high;
    }
}
