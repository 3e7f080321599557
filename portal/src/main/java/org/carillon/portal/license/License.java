package org.carillon.portal.license;

import org.carillon.licensekey.activation.ActivationKey;

import java.time.LocalDate;

/**
 * A license the customer owns. {@code status} is what staff or the system set ({@code active}, {@code suspended},
 * {@code inactive}); whether it has expired follows from {@link #endsOn()} and today, see {@link #state}.
 *
 * @param installation the fingerprint of the installation it is activated on, or empty
 */
public record License(long id, long customerId, ActivationKey key, String editionCode, String editionName,
                      int extensions, LocalDate startsOn, LocalDate endsOn, String status, String installation) {
    /** Licenses ending within this many days are "expiring soon" on the dashboard. */
    public static final int EXPIRING_DAYS = 30;

    /** {@code active}, {@code expiring}, {@code expired}, or the stored non-active status. */
    public String state(LocalDate today) {
        if (!"active".equals(status)) {
            return status;
        }
        if (endsOn.isBefore(today)) {
            return "expired";
        }
        return endsOn.isAfter(today.plusDays(EXPIRING_DAYS)) ? "active" : "expiring";
    }

    public String maskedKey() {
        return key.masked();
    }

    /** Days left until the end date (0 when ended), used to prorate upgrades. */
    public long remainingDays(LocalDate today) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, endsOn.plusDays(1)));
    }
}
