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
        String s = c.text();
        int p = c.pos();
        int v = 0;
        int n = 0;
        while (p < c.end() && s.charAt(p) >= '0' && s.charAt(p) <= '9' && n < 6) {
            v = v * 10 + (s.charAt(p++) - '0');
            n++;
        }
        if (n == 0 || n > 5 || v > 65535) {
            throw SipParseException.bad("bad port");
        }
        c.pos(p);
        return v;
    }
}
