package org.carillon.portal.payment;

/** A gateway's answer to a charge. */
public sealed interface ChargeResult {

    /** The money was taken. {@code reference} is the gateway's transaction id. */
    record Approved(String reference) implements ChargeResult {
    }

    /** Refused for good; {@code reason} is shown to the customer ("Your card was declined."). */
    record Declined(String code, String reason, String reference) implements ChargeResult {
    }

    /** A temporary problem at the gateway; the same request (same idempotency key) may be sent again. */
    record TryAgain(String reason) implements ChargeResult {
    }
}
