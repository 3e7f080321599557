package org.carillon.sip.uri;

import org.carillon.sip.syntax.SipParseException;

/**
 * Host syntax of RFC 3261 §25.1 with the IPv6 reference fix of RFC 5118 §4.10: a host name, a
 * dotted IPv4 address, or an IPv6 address inside brackets.
 */
public final class Hosts {
    private Hosts() {
    }

    /**
     * Reads a host starting at {@code pos} and returns the index just after it.
     *
     * @throws SipParseException (400) if no valid host starts at {@code pos}
     */
    public static int scan(CharSequence s, int pos, int end) {
        if (pos < end && s.charAt(pos) == '[') {
            int close = pos + 1;
            while (close < end && s.charAt(close) != ']') {
                close++;
            }
            if (close >= end || !isIpv6(s, pos + 1, close)) {
                throw SipParseException.bad("bad IPv6 reference");
            }
            return close + 1;
        }
        int p = pos;
        while (p < end) {
            char c = s.charAt(p);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                p++;
            } else {
                break;
            }
        }
        if (!isHostname(s, pos, p)) {
            throw SipParseException.bad("bad host");
        }
        return p;
    }

    /**
     * Whether the ASCII bytes {@code b[from,to)} are a hostname or an IPv4 address (no brackets):
     * the byte form of the check {@link #scan} applies, for parsers reading wire bytes.
     */
    public static boolean isHostname(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        int end = b[to - 1] == '.' ? to - 1 : to; // a trailing dot is allowed (FQDN)
        int labelStart = from;
        int lastLabelStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || b[i] == '.') {
                if (i == labelStart || b[labelStart] == '-' || b[i - 1] == '-') {
                    return false;
                }
                lastLabelStart = labelStart;
                labelStart = i + 1;
            } else if (!isHostChar(b[i])) {
                return false;
            }
        }
        byte top = b[lastLabelStart];
        if (top >= '0' && top <= '9') {
            return end == to && isIpv4(b, from, to);
        }
        return true;
    }

    private static boolean isHostChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static boolean isIpv4(byte[] b, int from, int to) {
        int parts = 0;
        int value = -1;
        for (int i = from; i <= to; i++) {
            int c = i < to ? b[i] : '.';
            if (c == '.') {
                if (value < 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 999) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** Whether {@code s[from,to)} is a hostname or an IPv4 address (no brackets). */
    static boolean isHostname(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int end = s.charAt(to - 1) == '.' ? to - 1 : to; // a trailing dot is allowed (FQDN)
        int labelStart = from;
        int lastLabelStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || s.charAt(i) == '.') {
                if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                lastLabelStart = labelStart;
                labelStart = i + 1;
            }
        }
        char top = s.charAt(lastLabelStart);
        if (top >= '0' && top <= '9') {
            return end == to && isIpv4(s, from, to);
        }
        return true;
    }

    /** Whether {@code s[from,to)} is a dotted-quad IPv4 address. */
    static boolean isIpv4(CharSequence s, int from, int to) {
        int parts = 0;
        int value = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 999) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** Whether {@code s[from,to)} is an IPv6 address (RFC 4291 §2.2 text forms). */
    static boolean isIpv6(CharSequence s, int from, int to) {
        // RFC 3261's ABNF admits "x:y:::a.b.c.d"; RFC 5118 §4.10 asks parsers to accept it
        for (int k = from; k + 3 < to; k++) {
            if (s.charAt(k) == ':' && s.charAt(k + 1) == ':' && s.charAt(k + 2) == ':') {
                String fixed = s.subSequence(from, k).toString() + s.subSequence(k + 1, to);
                int dot = fixed.indexOf('.');
                return dot > 0 && fixed.indexOf(":::") < 0 && isIpv6Strict(fixed, 0, fixed.length());
            }
        }
        return isIpv6Strict(s, from, to);
    }

    private static boolean isIpv6Strict(CharSequence s, int from, int to) {
        int groups = 0;
        boolean doubleColon = false;
        int i = from;
        if (to - from >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            doubleColon = true;
            i += 2;
            if (i == to) {
                return true;
            }
        } else if (i < to && s.charAt(i) == ':') {
            return false;
        }
        while (i < to) {
            int start = i;
            while (i < to && isHex(s.charAt(i))) {
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                // embedded IPv4 tail counts as two groups
                if (!isIpv4(s, start, to)) {
                    return false;
                }
                groups += 2;
                i = to;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (doubleColon) {
                    return false;
                }
                doubleColon = true;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false;
            }
        }
        return doubleColon ? groups < 8 : groups == 8;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
