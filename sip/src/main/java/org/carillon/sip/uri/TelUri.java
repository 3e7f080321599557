package org.carillon.sip.uri;

import org.carillon.sip.syntax.Parameters;

/**
 * A {@code tel:} URI (RFC 3966): a global ({@code +...}) or local number with parameters such as
 * {@code phone-context}.
 *
 * @param number the telephone-subscriber number as written, visual separators included
 * @param params parameters after the number
 */
public record TelUri(String number, Parameters params) implements Uri {
    @Override
    public String scheme() {
        return "tel";
    }

    /** Whether the number is global ({@code +} followed by digits, RFC 3966 §5.1.4). */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The number without visual separators ({@code -.()}), e.g. {@code +15555551234}. */
    public String digits() {
        StringBuilder b = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')') {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return params.appendTo(new StringBuilder("tel:").append(number)).toString();
    }
}
