package org.carillon.portal.payment;

/**
 * One charge. The gateway treats requests with the same {@code idempotencyKey} as one: asking again returns the
 * first answer and never charges twice.
 *
 * @param amountMinor in minor units of {@code currency}
 */
public record ChargeRequest(String idempotencyKey, long amountMinor, String currency, Card card, String description) {
}
