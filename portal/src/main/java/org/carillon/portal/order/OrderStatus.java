package org.carillon.portal.order;

import java.util.Set;

/**
 * An order's life: {@code CART → PENDING_PAYMENT → PAID → FULFILLED}, or {@code PENDING_PAYMENT → FAILED} when the
 * card is refused (the lines then go back into a new cart). Licenses and the invoice are created only in the
 * PAID step; FULFILLED follows in the same transaction once they exist.
 */
public enum OrderStatus {
    CART, PENDING_PAYMENT, PAID, FULFILLED, FAILED;

    /** The allowed next states. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case CART -> Set.of(PENDING_PAYMENT);
            case PENDING_PAYMENT -> Set.of(PAID, FAILED);
            case PAID -> Set.of(FULFILLED);
            case FULFILLED, FAILED -> Set.of();
        };
    }

    public String label() {
        return switch (this) {
            case CART -> "Cart";
            case PENDING_PAYMENT -> "Payment pending";
            case PAID -> "Paid";
            case FULFILLED -> "Completed";
            case FAILED -> "Payment failed";
        };
    }
}
