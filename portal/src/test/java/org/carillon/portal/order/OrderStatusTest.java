package org.carillon.portal.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carillon.portal.order.OrderStatus.CART;
import static org.carillon.portal.order.OrderStatus.FAILED;
import static org.carillon.portal.order.OrderStatus.FULFILLED;
import static org.carillon.portal.order.OrderStatus.PAID;
import static org.carillon.portal.order.OrderStatus.PENDING_PAYMENT;

class OrderStatusTest {

    @Test
    void ordersMoveOnlyForwardThroughTheDocumentedStates() {
        assertThat(CART.next()).containsExactly(PENDING_PAYMENT);
        assertThat(PENDING_PAYMENT.next()).containsExactlyInAnyOrder(PAID, FAILED);
        assertThat(PAID.next()).containsExactly(FULFILLED);
        assertThat(FULFILLED.next()).isEmpty();
        assertThat(FAILED.next()).isEmpty();
    }
}
