package org.carillon.sip.message;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.uri.Hosts;
import org.carillon.sip.uri.SipUri;

/**
 * Byte-level fast paths for the routing fields the parser validates in WIRE and STRICT mode: a
 * Via field, a From/To name-addr and a SIP Request-URI, read straight from the wire bytes
 * without decoding the value to a String and re-reading it through {@code Cursor},
 * {@code UriParser} and {@code Parameters}.
 *
 * <p>Each method reads only the <em>common form</em> and returns the very value the string
 * parser ({@link Via#parseList}, {@link Address#parse}, {@link org.carillon.sip.uri.Uri#parse})
 * would build from the same bytes. For anything else it returns null and the caller runs the
 * string parser, which then gives the same value or the proper
 * {@link org.carillon.sip.syntax.SipParseException}. Null is returned for: whitespace other than
 * the one SP after the Via transport (or between a quoted display-name and {@code <}), commas,
 * quoted parameter values, quoted-pairs, %-escapes, IPv6 references, URI passwords and headers,
 * schemes other than sip/sips, token display-names, addr-specs without brackets, non-ASCII
 * bytes, and every syntax error. So the language accepted and the values parsed stay exactly
 * the string parsers'; {@code WireFieldsTest} checks that on mutations of real messages.
 *
 * <p>Shape: one instance per use over the message bytes; each method sets the read range
 * {@code [p, e)} and walks it left to right with small "read this or give up" steps. With
 * {@code build} false a method only checks (the parser validates To and the Request-URI that
 * way and leaves building them to the first accessor) and returns {@link #CHECKED} or a
 * placeholder instead of a value, allocating nothing. Parameter names seen on every message
 * ({@code branch}, {@code tag}, ...) are returned as constants, so a typical Via or From
 * allocates only its host, values and the records. Not thread-safe.
 */
final class WireFields {
    private static final String SIP_20 = "SIP/2.0";
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "WS", "WSS", "SCTP"}; // as Via's
    private static final String[] COMMON_PARAMS = {"branch", "received", "rport", "tag", "lr", "transport", "user",
        "maddr", "ttl", "expires", "q", "method", "ob"};
    private static final int MAX_PARAMS = 16;
    /** What the checking methods return for a value that passed (never handed out further). */
    static final Address CHECKED = Address.of(SipUri.ofHost("checked.invalid", 0));
    private static final SipUri CHECKED_URI = (SipUri) CHECKED.uri();

    private final byte[] b;
    private final boolean build;
    private int p;
    private int e;

    /** Reads values from {@code b}; with {@code build} false only checks them (see above). */
    WireFields(byte[] b, boolean build) {
        this.b = b;
        this.build = build;
    }

    /** A Via field of one entry in {@code b[start, end)}, or null (see the class comment); needs {@code build}. */
    List<Via> via(int start, int end) {
        assert build : "Via is always built";
        p = start;
        e = end;
        if (!literal("SIP/2.0/")) {
            return null;
        }
        String transport = transport();
        if (transport == null || p >= e || b[p] != ' ') {
            return null;
        }
        p++;
        String host = host();
        if (host == null) {
            return null;
        }
        OptionalInt port = OptionalInt.empty();
        if (p < e && b[p] == ':') {
            p++;
            int v = port();
            if (v < 0) {
                return null;
            }
            port = OptionalInt.of(v);
        }
        Parameters params = headerParams();
        if (params == null || p != e || !viaParamsOk(params)) {
            return null;
        }
        return List.of(new Via(SIP_20, transport, host, port, params));
    }

    /**
     * A name-addr {@code ["display-name" [SP]] <sip-uri> *(;param)} in {@code b[start, end)}, or
     * null (see the class comment).
     */
    Address address(int start, int end) {
        p = start;
        e = end;
        Optional<String> display = Optional.empty();
        if (p < e && b[p] == '"') {
            int q = p + 1;
            while (q < e && b[q] != '"') {
                int c = b[q];
                if (c < 0x20 || c >= 0x7f || c == '\\') {
                    return null;
                }
                q++;
            }
            if (q >= e) {
                return null;
            }
            if (build) {
                display = Optional.of(ascii(p, q + 1)); // kept as written, quotes included
            }
            p = q + 1;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
        }
        if (p >= e || b[p] != '<') {
            return null;
        }
        int open = p + 1;
        int close = open;
        while (close < e && b[close] != '>') {
            close++;
        }
        if (close >= e) {
            return null;
        }
        SipUri uri = sipUri(open, close);
        if (uri == null) {
            return null;
        }
        p = close + 1;
        e = end;
        Parameters params = headerParams();
        if (params == null || p != e) {
            return null;
        }
        return build ? new Address(display, uri, params) : CHECKED;
    }

    /**
     * A {@code sip:}/{@code sips:} URI filling {@code b[start, end)} exactly, without password,
     * escapes or headers, or null (see the class comment).
     */
    SipUri sipUri(int start, int end) {
        p = start;
        e = end;
        if (e - p < 5 || (b[p] | 0x20) != 's' || (b[p + 1] | 0x20) != 'i' || (b[p + 2] | 0x20) != 'p') {
            return null;
        }
        boolean secure;
        if (b[p + 3] == ':') {
            secure = false;
            p += 4;
        } else if ((b[p + 3] | 0x20) == 's' && b[p + 4] == ':') {
            secure = true;
            p += 5;
        } else {
            return null;
        }
        Optional<String> user = Optional.empty();
        int at = p;
        while (at < e && b[at] != '@') {
            at++;
        }
        if (at < e) { // userinfo: the string parser too takes the first '@' of the whole URI
            if (at == p) {
                return null;
            }
            for (int i = p; i < at; i++) {
                if (!Chars.is(b[i], Chars.UNRESERVED | Chars.USER_UNRESERVED)) {
                    return null; // '%', ':' (password) and the rest go the long way
                }
            }
            if (build) {
                user = Optional.of(ascii(p, at));
            }
            p = at + 1;
        }
        String host = host();
        if (host == null) {
            return null;
        }
        OptionalInt port = OptionalInt.empty();
        if (p < e && b[p] == ':') {
            p++;
            int v = port();
            if (v < 0) {
                return null;
            }
            port = OptionalInt.of(v);
        }
        Parameters params = uriParams();
        if (params == null || p != e) {
            return null;
        }
        return build ? new SipUri(secure, user, Optional.empty(), host, port, params, Optional.empty()) : CHECKED_URI;
    }

    private boolean literal(String s) {
        if (e - p < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        p += s.length();
        return true;
    }

    private String transport() {
        int s = p;
        while (p < e && Chars.isToken(b[p])) {
            p++;
        }
        for (String t : TRANSPORTS) {
            if (t.length() == p - s && same(t, s)) {
                return t;
            }
        }
        return null;
    }

    /** A host name or IPv4 address (as {@code Hosts.scan} reads it, brackets aside). */
    private String host() {
        // one pass checking the labels of a host name (RFC 3261 §25.1 hostname); a numeric top
        // label (an IPv4 address, or an error) goes to the full check in Hosts
        int s = p;
        int label = p;
        int lastLabel = p;
        for (; p < e; p++) {
            byte c = b[p];
            if (c == '.') {
                if (p == label || b[label] == '-' || b[p - 1] == '-') {
                    return null;
                }
                lastLabel = label;
                label = p + 1;
            } else if (!isHostChar(c)) {
                break;
            }
        }
        if (p == s) {
            return null;
        }
        if (label < p) { // no trailing dot: the last label is the top one
            if (b[label] == '-' || b[p - 1] == '-') {
                return null;
            }
            lastLabel = label;
        }
        byte top = b[lastLabel];
        if (top >= '0' && top <= '9' && !Hosts.isHostname(b, s, p)) {
            return null;
        }
        return build ? ascii(s, p) : "";
    }

    private static boolean isHostChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** 1*5DIGIT up to 65535, or -1. */
    private int port() {
        int v = 0;
        int n = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
            if (++n > 5) {
                return -1;
            }
        }
        return n == 0 || v > 65535 ? -1 : v;
    }

    /** {@code *(";" token ["=" 1*(token / host chars)])} with no whitespace; null if odd. */
    private Parameters headerParams() {
        return params(Chars.TOKEN, Chars.TOKEN | Chars.HOST);
    }

    /** {@code *(";" pname ["=" pvalue])} of unescaped characters; null if odd. */
    private Parameters uriParams() {
        return params(Chars.UNRESERVED | Chars.PARAM_UNRESERVED, Chars.UNRESERVED | Chars.PARAM_UNRESERVED);
    }

    /**
     * {@code *(";" 1*name ["=" 1*value])}, names and values of the given character classes, up
     * to the end of the range or the first other character. The pairs array is sized by
     * counting the ';' ahead (an over-count only leaves it longer and then it is trimmed).
     */
    private Parameters params(int nameMask, int valueMask) {
        if (p >= e || b[p] != ';') {
            return Parameters.EMPTY;
        }
        String[] pairs = null;
        if (build) {
            int semis = 0;
            for (int i = p; i < e; i++) {
                semis += b[i] == ';' ? 1 : 0;
            }
            if (semis > MAX_PARAMS) {
                return null;
            }
            pairs = new String[2 * semis];
        }
        int n = 0;
        while (p < e && b[p] == ';') {
            p++;
            int ns = p;
            while (p < e && Chars.is(b[p], nameMask)) {
                p++;
            }
            if (p == ns) {
                return null;
            }
            int vs = -1;
            int ve = -1;
            if (p < e && b[p] == '=') {
                vs = ++p;
                while (p < e && Chars.is(b[p], valueMask)) {
                    p++;
                }
                if (p == vs) {
                    return null;
                }
                ve = p;
            }
            if (build) {
                pairs[2 * n] = name(ns, ve < 0 ? p : vs - 1);
                pairs[2 * n + 1] = vs < 0 ? null : ascii(vs, ve);
            }
            n++;
        }
        if (!build) {
            return Parameters.EMPTY;
        }
        return Parameters.ofValidated(n == pairs.length / 2 ? pairs : java.util.Arrays.copyOf(pairs, 2 * n));
    }

    /** §20.42 checks of Via.checkParams, on the common spellings; anything unusual: false. */
    private static boolean viaParamsOk(Parameters params) {
        for (int i = 0; i < params.size(); i++) {
            String name = params.name(i);
            if (name.equalsIgnoreCase("branch")) {
                if (params.rawValue(i).isEmpty()) {
                    return false;
                }
            } else if (name.equalsIgnoreCase("rport")) {
                if (params.rawValue(i).isPresent() && !digitsAtMost(params.rawValue(i).get(), 5, 65535)) {
                    return false;
                }
            } else if (name.equalsIgnoreCase("ttl")) {
                if (params.rawValue(i).isEmpty() || !digitsAtMost(params.rawValue(i).get(), 3, 255)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean digitsAtMost(String s, int maxDigits, int max) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max;
    }

    /** A parameter name: a shared constant when it is a common one spelled the usual way. */
    private String name(int s, int end) {
        for (String k : COMMON_PARAMS) {
            if (k.length() == end - s && same(k, s)) {
                return k;
            }
        }
        return ascii(s, end);
    }

    private boolean same(String k, int at) {
        for (int i = 0; i < k.length(); i++) {
            if (b[at + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII bytes {@code b[s, end)} as a String (the fast paths admit no other bytes). */
    private String ascii(int s, int end) {
        return new String(b, s, end - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
