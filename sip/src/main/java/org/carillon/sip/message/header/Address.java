package org.carillon.sip.message.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.syntax.WireBytes;
import org.carillon.sip.uri.Uri;

/**
 * A name-addr or addr-spec with header parameters: the value of From, To, Contact, Route,
 * Record-Route (RFC 3261 §20.10, §25.1). Parameters after an addr-spec without angle brackets
 * are header parameters, not URI parameters (§20.10).
 *
 * @param displayName the display-name as written (a quoted-string keeps its quotes), if any
 * @param uri         the URI
 * @param params      header parameters ({@code tag}, {@code expires}, {@code q}, ...)
 */
public record Address(Optional<String> displayName, Uri uri, Parameters params) {

    /** {@code <uri>} with no display name or parameters. */
    public static Address of(Uri uri) {
        return new Address(Optional.empty(), uri, Parameters.EMPTY);
    }

    /** The tag parameter (From/To, RFC 3261 §19.3), if any. */
    public Optional<String> tag() {
        return params.find("tag");
    }

    /** A copy with {@code tag=value}. */
    public Address withTag(String tag) {
        return new Address(displayName, uri, params.with("tag", tag));
    }

    /** A copy with different parameters. */
    public Address withParams(Parameters newParams) {
        return new Address(displayName, uri, newParams);
    }

    /** The display name without quotes and quoted-pair escapes, if any. */
    public Optional<String> displayText() {
        return displayName.map(Cursor::unquote);
    }

    /**
     * The Contact {@code expires} parameter in seconds (RFC 3261 §20.10), if present; values
     * above 2^32-1 are read as 2^32-1 (§25.1 delta-seconds).
     */
    public OptionalLong expires() {
        Optional<String> v = params.find("expires");
        return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(DeltaSeconds.parse(v.get()));
    }

    /** Appends the wire form, the bytes of {@link #toString()}, without building the String. */
    public WireBytes appendTo(WireBytes b) {
        if (displayName.isPresent()) {
            b.append(displayName.get()).append(' ');
        }
        uri.appendTo(b.append('<')).append('>');
        return params.appendTo(b);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(80);
        displayName.ifPresent(d -> b.append(d).append(' '));
        b.append('<').append(uri).append('>');
        return params.appendTo(b).toString();
    }

    /**
     * Parses one {@code (name-addr / addr-spec) *(SEMI param)}.
     *
     * @throws SipParseException (400) on a syntax error
     */
    public static Address parse(String value) {
        return parse(new Cursor(value), "address");
    }

    /** Parses a comma-separated list of addresses (Contact, Route, Record-Route). */
    public static List<Address> parseList(String value, String what) {
        int[] parts = Cursor.splitCommas(value, what);
        List<Address> out = new ArrayList<>(parts.length / 2);
        for (int i = 0; i < parts.length; i += 2) {
            out.add(parse(new Cursor(value, parts[i], parts[i + 1]), what));
        }
        return out;
    }

    /** Parses an address that must be a name-addr (Route, Record-Route: §25.1 {@code rec-route}). */
    public static List<Address> parseNameAddrList(String value, String what) {
        List<Address> list = parseList(value, what);
        String s = value;
        // name-addr requires "<": a route without brackets is an addr-spec, which §25.1 forbids
        int[] parts = Cursor.splitCommas(s, what);
        for (int i = 0; i < parts.length; i += 2) {
            if (s.indexOf('<', parts[i]) < 0 || s.indexOf('<', parts[i]) >= parts[i + 1]) {
                throw SipParseException.bad(what + " needs <uri>");
            }
        }
        return list;
    }

    static Address parse(Cursor c, String what) {
        c.skipWs();
        Optional<String> display = Optional.empty();
        Uri uri;
        int start = c.pos();
        if (c.peek() == '"') {
            display = Optional.of(c.quotedRaw(what + " display-name"));
            c.skipWs();
            uri = bracketed(c, what);
        } else if (c.peek() == '<') {
            uri = bracketed(c, what);
        } else {
            // display-name = *(token LWS) before "<", else this is an addr-spec
            int p = start;
            String s = c.text();
            while (p < c.end() && (Chars.isToken(s.charAt(p)) || Chars.isWsp(s.charAt(p)))) {
                p++;
            }
            if (p < c.end() && s.charAt(p) == '<') {
                int e = p;
                while (e > start && Chars.isWsp(s.charAt(e - 1))) {
                    e--;
                }
                if (e > start) {
                    display = Optional.of(s.substring(start, e));
                }
                c.pos(p);
                uri = bracketed(c, what);
            } else {
                uri = addrSpec(c, what);
            }
        }
        Parameters params = Parameters.parseHeaderParams(c, what);
        c.expectEnd(what);
        return new Address(display, uri, params);
    }

    private static Uri bracketed(Cursor c, String what) {
        if (c.peek() != '<') {
            throw SipParseException.bad("expected '<' in " + what);
        }
        int open = c.pos() + 1;
        int close = c.text().indexOf('>', open);
        if (close < 0 || close >= c.end()) {
            throw SipParseException.bad("missing '>' in " + what);
        }
        Uri uri = Uri.parse(c.text(), open, close);
        c.pos(close + 1);
        return uri;
    }

    private static Uri addrSpec(Cursor c, String what) {
        String s = c.text();
        int start = c.pos();
        int p = start;
        while (p < c.end()) {
            char ch = s.charAt(p);
            if (ch == ';' || ch == ',' || Chars.isWsp(ch)) {
                break;
            }
            if (ch == '?') {
                // §20: a URI with "?" (or "," ";") must be enclosed in angle brackets
                throw SipParseException.bad("URI with '?' must be in <> in " + what);
            }
            p++;
        }
        if (p == start) {
            throw SipParseException.bad("missing URI in " + what);
        }
        Uri uri = Uri.parse(s, start, p);
        c.pos(p);
        return uri;
    }
}
