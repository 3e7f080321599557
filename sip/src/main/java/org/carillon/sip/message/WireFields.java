package org.carillon.sip.message;

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
 * Via field, a From/To name-addr, a SIP Request-URI and the Call-ID, read straight from the
 * wire bytes without decoding the value to a String and re-reading it through {@code Cursor},
 * {@code UriParser} and {@code Parameters}. The typed accessors of {@link SipMessage} and
 * {@link SipRequest#requestUri()} use them too when they build a value the parser left unbuilt.
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
 * {@code build} false a method only checks (the parser validates From, To and the Request-URI
 * that way and leaves building them to the first accessor) and returns {@link #CHECKED} or a
 * placeholder instead of a value, allocating nothing. Parameter names seen on every message
 * ({@code branch}, {@code tag}, ...) are returned as constants, so a typical Via or From
 * allocates only its host, values and the records. The loops run on locals over a 256-entry
 * byte-class table (indexed by {@code byte & 0xff}: no sign or range tests). Not thread-safe.
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

    // Byte classes, indexed by (byte & 0xff) so the loops need no sign or range tests. Built
    // from Chars (ASCII only: every byte from 0x80 up is in no class).
    private static final int TOKEN = 1;        // token
    private static final int GEN_VALUE = 2;    // token / host characters (gen-value without quotes)
    private static final int URI_PARAM = 4;    // unreserved / param-unreserved
    private static final int USER = 8;         // unreserved / user-unreserved
    private static final int HOST_NAME = 16;   // alphanum "-" "."
    private static final int QUOTED = 32;      // qdtext we read here: 0x20..0x7e except '"' and '\\'
    private static final int WORD = 64;        // word (Call-ID)
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            int k = 0;
            k |= Chars.is(c, Chars.TOKEN) ? TOKEN : 0;
            k |= Chars.is(c, Chars.TOKEN | Chars.HOST) ? GEN_VALUE : 0;
            k |= Chars.is(c, Chars.UNRESERVED | Chars.PARAM_UNRESERVED) ? URI_PARAM : 0;
            k |= Chars.is(c, Chars.UNRESERVED | Chars.USER_UNRESERVED) ? USER : 0;
            k |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    ? HOST_NAME : 0;
            k |= c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? QUOTED : 0;
            k |= Chars.is(c, Chars.WORD) ? WORD : 0;
            CLASS[c] = (byte) k;
        }
    }

    private final byte[] b;
    private final boolean build;
    private int p; // read position
    private int e; // end of the range being read

    /** Reads values from {@code b}; with {@code build} false only checks them (see above). */
    WireFields(byte[] b, boolean build) {
        this.b = b;
        this.build = build;
    }

    /** A Via field of one entry in {@code b[start, end)}, or null (see the class comment); needs {@code build}. */
    Via via(int start, int end) {
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
        String[] pairs = params(TOKEN, GEN_VALUE);
        if (pairs == null || p != e || !viaParamsOk(pairs)) {
            return null;
        }
        return new Via(SIP_20, transport, host, port, Parameters.ofValidated(pairs));
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
            int q = run(p + 1, QUOTED);
            if (q >= e || b[q] != '"') {
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
        SipUri uri = sipUri(p + 1, end, true); // read up to its '>' (no separate search for it)
        if (uri == null) {
            return null;
        }
        p++; // past the '>'
        e = end;
        String[] pairs = params(TOKEN, GEN_VALUE);
        if (pairs == null || p != e) {
            return null;
        }
        return build ? new Address(display, uri, Parameters.ofValidated(pairs)) : CHECKED;
    }

    /**
     * A {@code sip:}/{@code sips:} URI filling {@code b[start, end)} exactly, without password,
     * escapes or headers, or null (see the class comment).
     */
    SipUri sipUri(int start, int end) {
        return sipUri(start, end, false);
    }

    /**
     * {@link #sipUri(int, int)}, or with {@code bracketed} the URI of a name-addr: it ends at the
     * first {@code '>'} in {@code b[start, end)}, where {@code p} is left.
     */
    private SipUri sipUri(int start, int end, boolean bracketed) {
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
        while (at < e && b[at] != '@' && (b[at] != '>' || !bracketed)) {
            at++;
        }
        if (at < e && b[at] == '>') {
            at = e; // no userinfo before the '>'
        }
        if (at < e) { // userinfo: the string parser too takes the first '@' of the whole URI
            // '%', ':' (a password) and the rest are not in USER: they go the long way
            if (at == p || run(p, USER) != at) {
                return null;
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
        String[] pairs = params(URI_PARAM, URI_PARAM);
        if (pairs == null || (bracketed ? p >= e || b[p] != '>' : p != e)) {
            return null;
        }
        return build ? new SipUri(secure, user, Optional.empty(), host, port, Parameters.ofValidated(pairs), Optional.empty())
                : CHECKED_URI;
    }

    /**
     * A Call-ID {@code word ["@" word]} filling {@code b[start, end)}, as the String
     * {@code SipMessage.checkCallId} returns for it, or null.
     */
    String callId(int start, int end) {
        e = end;
        int i = run(start, WORD);
        if (i < end) {
            if (i == start || b[i] != '@' || i + 1 == end || run(i + 1, WORD) != end) {
                return null;
            }
        } else if (i == start) {
            return null;
        }
        return ascii(start, end);
    }

    /** The end of the run of bytes of class {@code cls} from {@code i} (at most {@code e}). */
    private int run(int i, int cls) {
        byte[] bytes = b;
        int end = e;
        while (i < end && (CLASS[bytes[i] & 0xff] & cls) != 0) {
            i++;
        }
        return i;
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
        p = run(p, TOKEN);
        for (String t : TRANSPORTS) {
            if (t.length() == p - s && same(t, s)) {
                return t;
            }
        }
        return null;
    }

    /** A host name or IPv4 address (as {@code Hosts.scan} reads it, brackets aside). */
    private String host() {
        byte[] bytes = b;
        int end = e;
        int s = p;
        // one pass reads the run and checks the labels (RFC 3261 §25.1 hostname: no empty
        // label, none starting or ending with '-'): '-' and '.' are the only host-name bytes
        // up to '.', so the usual byte costs one table test and one compare
        int prev = '.'; // as if after a dot: the host may not start with '.' or '-'
        int label = s;
        int lastLabel = s;
        int i = s;
        for (; i < end; i++) {
            int c = bytes[i] & 0xff;
            if ((CLASS[c] & HOST_NAME) == 0) {
                break;
            }
            if (c <= '.') {
                if (prev == '.' || (c == '.' && prev == '-')) {
                    return null;
                }
                if (c == '.') {
                    lastLabel = label;
                    label = i + 1;
                }
            }
            prev = c;
        }
        p = i;
        if (i == s || prev == '-') {
            return null;
        }
        if (label < i) { // no trailing dot: the last label is the top one
            lastLabel = label;
        }
        // a numeric top label (an IPv4 address, or an error) goes to the full check in Hosts
        byte top = bytes[lastLabel];
        if (top >= '0' && top <= '9' && !Hosts.isHostname(bytes, s, i)) {
            return null;
        }
        return build ? ascii(s, i) : "";
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

    /**
     * {@code *(";" 1*name ["=" 1*value])} with names and values of the given byte classes and no
     * whitespace, up to the end of the range or the first other byte: the pairs
     * ({@code name0, value0, ...}, null for a flag), an empty array when not building, or null
     * if a name or value is empty or there are more than {@link #MAX_PARAMS}. Reads one
     * parameter and recurses for the rest, so the array is made once, exactly sized, at the end.
     */
    private String[] params(int nameClass, int valueClass) {
        return params(nameClass, valueClass, 0);
    }

    private String[] params(int nameClass, int valueClass, int n) {
        if (p >= e || b[p] != ';') {
            return build && n > 0 ? new String[2 * n] : NONE;
        }
        if (n == MAX_PARAMS) {
            return null;
        }
        int ns = p + 1;
        int ne = run(ns, nameClass);
        if (ne == ns) {
            return null;
        }
        p = ne;
        int vs = -1;
        int ve = -1;
        if (p < e && b[p] == '=') {
            vs = p + 1;
            p = run(vs, valueClass);
            if (p == vs) {
                return null;
            }
            ve = p;
        }
        String[] pairs = params(nameClass, valueClass, n + 1);
        if (pairs != null && build) {
            pairs[2 * n] = name(ns, ne);
            pairs[2 * n + 1] = vs < 0 ? null : ascii(vs, ve);
        }
        return pairs;
    }

    private static final String[] NONE = {};

    /** §20.42 checks of Via.checkParams, on the common spellings; anything unusual: false. */
    private static boolean viaParamsOk(String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            String name = pairs[i];
            String value = pairs[i + 1];
            if (name.equalsIgnoreCase("branch")) {
                if (value == null) {
                    return false;
                }
            } else if (name.equalsIgnoreCase("rport")) {
                if (value != null && !digitsAtMost(value, 5, 65535)) {
                    return false;
                }
            } else if (name.equalsIgnoreCase("ttl")) {
                if (value == null || !digitsAtMost(value, 3, 255)) {
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
        int len = end - s;
        byte first = b[s];
        for (String k : COMMON_PARAMS) {
            if (k.length() == len && k.charAt(0) == first && same(k, s)) {
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
