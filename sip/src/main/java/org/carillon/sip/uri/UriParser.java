package org.carillon.sip.uri;

import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.SipParseException;

/** Parses the addr-spec grammar of RFC 3261 §25.1 (SIP-URI, SIPS-URI, absoluteURI) and RFC 3966. */
final class UriParser {
    private UriParser() {
    }

    static Uri parse(String s, int start, int end) {
        int colon = start;
        while (colon < end && s.charAt(colon) != ':') {
            char c = s.charAt(colon);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (colon > start && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                throw SipParseException.bad("bad URI scheme");
            }
            colon++;
        }
        if (colon == start || colon >= end) {
            throw SipParseException.bad("URI without scheme");
        }
        int len = colon - start;
        // ASCII letters only here, so "| 0x20" is an exact lower-casing
        if ((len == 3 || len == 4) && (s.charAt(start) | 0x20) == 's' && (s.charAt(start + 1) | 0x20) == 'i'
                && (s.charAt(start + 2) | 0x20) == 'p') {
            if (len == 3) {
                return sip(s, colon + 1, end, false);
            }
            if ((s.charAt(start + 3) | 0x20) == 's') {
                return sip(s, colon + 1, end, true);
            }
        }
        if (len == 3 && s.regionMatches(true, start, "tel", 0, 3)) {
            return tel(s, colon + 1, end);
        }
        return absolute(s, start, colon, end);
    }

    private static SipUri sip(String s, int pos, int end, boolean secure) {
        int at = -1;
        for (int i = pos; i < end; i++) {
            if (s.charAt(i) == '@') {
                at = i;
                break;
            }
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Cursor c = new Cursor(s, pos, end);
        if (at >= 0) {
            Cursor u = new Cursor(s, pos, at);
            String userPart = Parameters.escapedRun(u, Chars.UNRESERVED | Chars.USER_UNRESERVED, "URI user");
            if (userPart.isEmpty()) {
                throw SipParseException.bad("empty user in URI");
            }
            user = Optional.of(userPart);
            if (u.peek() == ':') {
                u.pos(u.pos() + 1);
                password = Optional.of(Parameters.escapedRun(u, Chars.UNRESERVED | Chars.PASSWORD, "URI password"));
            }
            if (!u.atEnd()) {
                throw SipParseException.bad("bad character in URI userinfo");
            }
            c.pos(at + 1);
        }
        int hostEnd = Hosts.scan(s, c.pos(), end);
        String host = s.substring(c.pos(), hostEnd);
        c.pos(hostEnd);
        OptionalInt port = OptionalInt.empty();
        if (c.peek() == ':') {
            c.pos(c.pos() + 1);
            port = OptionalInt.of(port(c));
        }
        Parameters params = Parameters.parseUriParams(c, "URI");
        Optional<String> headers = Optional.empty();
        if (c.peek() == '?') {
            c.pos(c.pos() + 1);
            headers = Optional.of(Parameters.escapedRun(c, Chars.UNRESERVED | Chars.HNV_UNRESERVED | Chars.PASSWORD, "URI headers"));
        }
        if (!c.atEnd()) {
            throw SipParseException.bad("unexpected '" + (char) c.peek() + "' in URI");
        }
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    /** Reads 1*5DIGIT up to 65535. */
    static int port(Cursor c) {
        int value = 0;
        int digits = 0;
        while (c.peek() >= '0' && c.peek() <= '9') {
            value = value * 10 + (c.peek() - '0');
            c.pos(c.pos() + 1);
            if (++digits > 5) {
                throw SipParseException.bad("port too long");
            }
        }
        if (digits == 0 || value > 65535) {
            throw SipParseException.bad("bad port");
        }
        return value;
    }

    private static TelUri tel(String s, int pos, int end) {
        int p = pos;
        while (p < end && s.charAt(p) != ';') {
            char c = s.charAt(p);
            boolean ok = (c >= '0' && c <= '9') || Chars.isHex(c) || c == '*' || c == '#' || c == '-'
                    || c == '.' || c == '(' || c == ')' || (c == '+' && p == pos);
            if (!ok) {
                throw SipParseException.bad("bad character in tel URI");
            }
            p++;
        }
        if (p == pos || (p == pos + 1 && s.charAt(pos) == '+')) {
            throw SipParseException.bad("empty tel number");
        }
        Cursor c = new Cursor(s, p, end);
        Parameters params = Parameters.parseUriParams(c, "tel URI");
        if (!c.atEnd()) {
            throw SipParseException.bad("unexpected character in tel URI");
        }
        return new TelUri(s.substring(pos, p), params);
    }

    private static AbsoluteUri absolute(String s, int start, int colon, int end) {
        if (colon + 1 >= end) {
            throw SipParseException.bad("empty URI after scheme");
        }
        for (int i = colon + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= end || !Chars.isHex(s.charAt(i + 1)) || !Chars.isHex(s.charAt(i + 2))) {
                    throw SipParseException.bad("bad %-escape in URI");
                }
                i += 2;
            } else if (!Chars.is(c, Chars.URIC) && c != '#' && c != '[' && c != ']') {
                throw SipParseException.bad("bad character in URI");
            }
        }
        return new AbsoluteUri(s.substring(start, colon).toLowerCase(java.util.Locale.ROOT), s.substring(start, end));
    }
}
