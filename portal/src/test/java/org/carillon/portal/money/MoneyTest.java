package org.carillon.portal.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void discountComesBeforeTaxAndEachIsRoundedHalfUpToACent() {
        // 398.00 list, 10 % discount = 39.80, tax 19 % of 358.20 = 68.058 → 68.06, total 426.26.
        var line = Money.line(39_800, new BigDecimal("10"), new BigDecimal("19"));
        assertThat(line.discountMinor()).isEqualTo(3_980);
        assertThat(line.taxMinor()).isEqualTo(6_806);
        assertThat(line.totalMinor()).isEqualTo(42_626);
        assertThat(line.totalMinor()).isEqualTo(line.listMinor() - line.discountMinor() + line.taxMinor());
    }

    @Test
    void halfACentRoundsAwayFromZero() {
        assertThat(Money.percentOf(5, new BigDecimal("10"))).isEqualTo(1);    // 0.5 → 1
        assertThat(Money.percentOf(4, new BigDecimal("10"))).isEqualTo(0);    // 0.4 → 0
        assertThat(Money.percentOf(1_005, new BigDecimal("12.5"))).isEqualTo(126); // 125.625 → 126
    }

    @Test
    void prorationUsesRemainingDaysOver365() {
        assertThat(Money.prorate(10_000, 183)).isEqualTo(5_014); // 5013.698… → 5014
        assertThat(Money.prorate(10_000, 365)).isEqualTo(10_000);
        assertThat(Money.prorate(10_000, -3)).isZero();
    }

    @Test
    void formatsAndParsesAmounts() {
        assertThat(Money.format(123_456)).isEqualTo("1,234.56");
        assertThat(Money.format(5)).isEqualTo("0.05");
        assertThat(Money.format(-5)).isEqualTo("-0.05");
        assertThat(Money.parse("1,234.5")).isEqualTo(123_450);
        assertThat(Money.parse(" 199 ")).isEqualTo(19_900);
        assertThatThrownBy(() -> Money.parse("1.234")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parse("abc")).isInstanceOf(NumberFormatException.class);
    }
}
