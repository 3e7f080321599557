package org.carillon.portal.order;

import org.carillon.portal.money.Money;
import java.util.Optional;

/**
 * One line of an order with its prices, discount and tax snapshotted when it was added (later catalog or discount
 * changes do not touch it).
 *
 * @param licenseId the license a renewal, upgrade or extension line changes; empty for a new license
 */
public record OrderLine(long id, long orderId, LineKind kind, String editionCode, int extensions, int years,
                        Optional<Long> licenseId, String description, Money.LineAmounts amounts) {
}
