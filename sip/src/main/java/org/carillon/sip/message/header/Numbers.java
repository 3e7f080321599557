package org.carillon.sip.message.header;

import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.SipParseException;

/** Decimal scalars of RFC 3261 §25.1 with overflow checks (RFC 4475 §3.1.2.4/§3.1.2.5). */
final class Numbers {
    private Numbers() {
    }

    /** Parses {@code 1*maxDigits DIGIT}; anything else or too many digits is a 400. */
    static long digits(String s, int maxDigits, String what) {
        if (s.isEmpty() || s.length() > maxDigits) {
            throw SipParseException.bad("bad " + what);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw SipParseException.bad("bad " + what);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int port(Cursor c) {
        int start = c.pos();
        while (c.peek() >= '0' && c.peek() <= '9') {
            c.pos(c.pos() + 1);
        }
        long v = digits(c.text().substring(start, c.pos()), 5, "port");
        if (v > 65535) {
            throw SipParseException.bad("bad port");
        }
        return (int) v;
    }
}
