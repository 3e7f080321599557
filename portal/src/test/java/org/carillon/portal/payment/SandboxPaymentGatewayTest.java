package org.carillon.portal.payment;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPaymentGatewayTest {
    private final SandboxPaymentGateway gateway = new SandboxPaymentGateway();

    private static ChargeRequest request(String key, String number) {
        return new ChargeRequest(key, 19_900, "EUR", new Card("Ada", number, YearMonth.of(2030, 1), "123"), "test");
    }

    @Test
    void testCardsGiveTheirDocumentedAnswers() {
        assertThat(gateway.charge(request("a", SandboxPaymentGateway.APPROVE))).isInstanceOf(ChargeResult.Approved.class);
        assertThat(gateway.charge(request("b", SandboxPaymentGateway.DECLINE)))
                .isInstanceOfSatisfying(ChargeResult.Declined.class, d -> assertThat(d.code()).isEqualTo("card_declined"));
        assertThat(gateway.charge(request("c", SandboxPaymentGateway.INSUFFICIENT_FUNDS)))
                .isInstanceOfSatisfying(ChargeResult.Declined.class,
                        d -> assertThat(d.code()).isEqualTo("insufficient_funds"));
        assertThat(gateway.charge(request("d", "5555555555554444"))).isInstanceOf(ChargeResult.Declined.class);
        assertThat(gateway.sandbox()).isTrue();
    }

    @Test
    void retryCardAsksToTryAgainOnceThenApproves() {
        assertThat(gateway.charge(request("r", SandboxPaymentGateway.RETRY))).isInstanceOf(ChargeResult.TryAgain.class);
        assertThat(gateway.charge(request("r", SandboxPaymentGateway.RETRY))).isInstanceOf(ChargeResult.Approved.class);
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameAnswerAndIsNeverChargedTwice() {
        var first = gateway.charge(request("order-1", SandboxPaymentGateway.APPROVE));
        var again = gateway.charge(request("order-1", SandboxPaymentGateway.APPROVE));
        assertThat(again).isEqualTo(first);
    }
}
