package org.carillon.portal.money;

import org.springframework.stereotype.Component;

/** Money for templates: {@code ${@money.format(line.totalMinor)}} → {@code "EUR 1,234.56"}. */
@Component("money")
public class MoneyFormat {
    public String format(long minor) {
        return Money.CURRENCY + " " + Money.format(minor);
    }

    public String plain(long minor) {
        return Money.format(minor);
    }
}
