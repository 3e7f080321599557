package org.carillon.sip.message;

import org.carillon.sip.message.header.CSeq;

/**
 * Fast paths that read the common forms of CSeq, Max-Forwards and Content-Length straight from
 * the wire bytes, without decoding a string. They return null for anything unusual (folding,
 * leading zeros, odd spacing, errors); the caller then uses the string parser, which gives the
 * same result or the proper {@link org.carillon.sip.syntax.SipParseException}.
 */
final class ScalarFields {
    private ScalarFields() {
    }

    /** {@code 1*9DIGIT SP token}, number below 2^31. */
    static CSeq cseq(SipHeaders h, int i) {
        if (!h.isRawSlice(i)) {
            return null;
        }
        byte[] b = h.src();
        int p = h.start(i);
        int e = h.end(i);
        long n = 0;
        int digits = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9' && digits < 10) {
            n = n * 10 + (b[p++] - '0');
            digits++;
        }
        if (digits == 0 || digits == 10 || n > Integer.MAX_VALUE || p >= e || b[p] != ' ') {
            return null;
        }
        int m = ++p;
        while (p < e && org.carillon.sip.syntax.Chars.isToken(b[p])) {
            p++;
        }
        if (p == m || p != e) {
            return null;
        }
        return new CSeq(n, SipMethod.of(b, m, p - m));
    }

    /**
     * {@code 1*3DIGIT} up to 255 (Max-Forwards) — or, with {@code max} larger, Content-Length —
     * or -1 for anything else. An int, not an Integer: the parser only checks these and the
     * accessors box (and cache) the value when someone asks.
     */
    static int number(SipHeaders h, int i, int maxDigits, long max) {
        if (!h.isRawSlice(i)) {
            return -1;
        }
        byte[] b = h.src();
        int p = h.start(i);
        int e = h.end(i);
        if (e == p || e - p > maxDigits) {
            return -1;
        }
        long n = 0;
        for (; p < e; p++) {
            if (b[p] < '0' || b[p] > '9') {
                return -1;
            }
            n = n * 10 + (b[p] - '0');
        }
        return n > max ? -1 : (int) n;
    }
}
