package org.carillon.portal.payment;

import org.carillon.portal.form.FieldErrors;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class CardCheckTest {
    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void everySandboxTestCardPassesTheLuhnCheck() {
        for (String card : new String[] {SandboxPaymentGateway.APPROVE, SandboxPaymentGateway.DECLINE,
                SandboxPaymentGateway.INSUFFICIENT_FUNDS, SandboxPaymentGateway.RETRY}) {
            assertThat(CardCheck.luhn(card)).as(card).isTrue();
        }
        assertThat(CardCheck.luhn("4242424242424241")).isFalse();
    }

    @Test
    void readsAValidCardWithSpacesAndATwoDigitYear() {
        FieldErrors errors = new FieldErrors();
        var card = CardCheck.read("Ada Lovelace", "4242 4242 4242 4242", "11/26", "123", NOW, errors);
        assertThat(errors.any()).isFalse();
        assertThat(card).hasValueSatisfying(c -> {
            assertThat(c.number()).isEqualTo("4242424242424242");
            assertThat(c.expiry()).isEqualTo(NOW);
            assertThat(c.masked()).isEqualTo("•••• 4242");
            assertThat(c.brand()).isEqualTo("Visa");
            assertThat(c.toString()).doesNotContain("4242424242424242").doesNotContain("123");
        });
    }

    @Test
    void refusesBadNumberPastExpiryWrongCvcAndNoHolderEachBesideItsField() {
        FieldErrors errors = new FieldErrors();
        assertThat(CardCheck.read(" ", "4242 4242 4242 4241", "10/26", "12", NOW, errors)).isEmpty();
        assertThat(errors.all()).containsOnlyKeys("cardNumber", "cardExpiry", "cardCvc", "cardHolder");
        FieldErrors amex = new FieldErrors();
        CardCheck.read("A", "378282246310005", "13/30", "123", NOW, amex);
        assertThat(amex.all()).containsOnlyKeys("cardExpiry", "cardCvc");
    }
}
