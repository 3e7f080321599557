package org.carillon.sip.message.header;

import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.SipParseException;

/**
 * The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method.
 *
 * @param number sequence number, 0 .. 2^31-1 (§8.1.1.5)
 * @param method request method, case-sensitive
 */
public record CSeq(long number, String method) {
    /** Validates the components. */
    public CSeq {
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw SipParseException.bad("CSeq number out of range");
        }
    }

    /**
     * Parses {@code 1*DIGIT LWS Method}.
     *
     * @throws SipParseException (400) on syntax errors or a number of 2^31 or more
     */
    public static CSeq parse(String value) {
        Cursor c = new Cursor(value);
        c.skipWs();
        int start = c.pos();
        while (c.peek() >= '0' && c.peek() <= '9') {
            c.pos(c.pos() + 1);
        }
        long n = Numbers.digits(value.substring(start, c.pos()), 10, "CSeq number");
        int before = c.pos();
        c.skipWs();
        if (c.pos() == before) {
            throw SipParseException.bad("missing LWS in CSeq");
        }
        String method = c.token("CSeq method");
        c.expectEnd("CSeq");
        return new CSeq(n, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
