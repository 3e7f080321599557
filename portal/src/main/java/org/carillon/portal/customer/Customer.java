package org.carillon.portal.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer or partner company. Company name, user ID, tier, discount and tax rate are set by the vendor's staff
 * and read-only for the customer's own users.
 *
 * @param discountPercent partner discount, 0–100 with two decimals, applied to discountable editions
 * @param taxPercent      tax (VAT) charged on this customer's orders, 0–100 with two decimals
 */
public record Customer(long id, String companyName, String userId, PartnerTier tier, BigDecimal discountPercent,
                       BigDecimal taxPercent, String country, Instant createdAt) {
}
