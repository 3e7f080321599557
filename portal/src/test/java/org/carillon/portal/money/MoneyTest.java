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
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(-12_345_678_901L)).isEqualTo("-123,456,789.01");
        assertThat(Money.format(Long.MAX_VALUE)).isEqualTo("92,233,720,368,547,758.07");
    }

    @Test
    void formatWritesWhatTheFormatterWroteIssue8() {
        java.util.List<Long> amounts = new java.util.ArrayList<>(java.util.List.of(Long.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE + 1));
        for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
            for (long d : new long[] {-1, 0, 1}) {
                amounts.add(p + d);
                amounts.add(-(p + d));
            }
        }
        for (long m = -100_000; m <= 100_000; m += 7) {
            amounts.add(m);
        }
        for (long minor : amounts) {
            assertThat(Money.format(minor)).as("%d", minor).isEqualTo(String.format(java.util.Locale.ROOT,
                    "%s%,d.%02d", minor < 0 ? "-" : "", Math.abs(minor) / 100, Math.abs(minor) % 100));
        }
        assertThat(Money.parse("1,234.5")).isEqualTo(123_450);
        assertThat(Money.parse(" 199 ")).isEqualTo(19_900);
        assertThatThrownBy(() -> Money.parse("1.234")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parse("abc")).isInstanceOf(NumberFormatException.class);
    }
}
