package org.carillon.sip.message.header;

import java.util.ArrayList;
import java.util.List;
import org.carillon.sip.syntax.SipParseException;

/**
 * The Contact header(s) of a message: either the wildcard {@code *} (REGISTER removing all
 * bindings, RFC 3261 §10.2.2) or a list of addresses, each with its own {@code expires}/{@code q}.
 *
 * @param wildcard  true for {@code Contact: *}
 * @param addresses the addresses in order; empty for the wildcard or when there is no Contact
 */
public record Contacts(boolean wildcard, List<Address> addresses) {
    /** No Contact header. */
    public static final Contacts NONE = new Contacts(false, List.of());
    /** {@code Contact: *}. */
    public static final Contacts WILDCARD = new Contacts(true, List.of());

    /** Copies the list. */
    public Contacts {
        addresses = List.copyOf(addresses);
    }

    /** Whether there is neither a wildcard nor any address. */
    public boolean isEmpty() {
        return !wildcard && addresses.isEmpty();
    }

    /**
     * Parses all Contact header values of a message, in order.
     *
     * @throws SipParseException (400) on syntax errors, or if {@code *} is mixed with addresses
     *                           (§10.3 step 6 makes that a 400 at a registrar)
     */
    public static Contacts parse(List<String> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Address> list = new ArrayList<>();
        boolean star = false;
        for (String v : values) {
            if (v.strip().equals("*")) {
                star = true;
            } else {
                list.addAll(Address.parseList(v, "Contact"));
            }
        }
        if (star && !list.isEmpty()) {
            throw SipParseException.bad("Contact '*' mixed with addresses");
        }
        if (star && values.size() > 1) {
            throw SipParseException.bad("more than one Contact '*'");
        }
        return star ? WILDCARD : new Contacts(false, list);
    }

    @Override
    public String toString() {
        if (wildcard) {
            return "*";
        }
        StringBuilder b = new StringBuilder();
        for (Address a : addresses) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(a);
        }
        return b.toString();
    }
}
