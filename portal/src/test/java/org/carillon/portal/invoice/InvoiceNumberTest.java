package org.carillon.portal.invoice;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceNumberTest {
    @Test
    void displayNumberIsPaddedToSixDigitsAsTheFormatterWroteItIssue8() {
        assertThat(Invoice.format(42)).isEqualTo("INV-000042");
        assertThat(Invoice.format(1_234_567)).isEqualTo("INV-1234567");
        for (long n : new long[] {0, 1, 9, 10, 99_999, 100_000, 999_999, 1_000_000, Long.MAX_VALUE, -1, -42,
                Long.MIN_VALUE}) {
            assertThat(Invoice.format(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "INV-%06d", n));
        }
    }
}
