package org.carillon.sip.message.header;

import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.SipParseException;

/**
 * A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization,
 * Proxy-Authorization) value: a scheme and comma-separated auth-params (RFC 3261 §25.1,
 * RFC 7616 §3.3-§3.4). Values keep their quotes as written; {@link Parameters#find} unquotes.
 *
 * @param scheme the auth scheme as written, e.g. {@code Digest}
 * @param params the auth-params in order
 */
public record AuthField(String scheme, Parameters params) {

    /** Whether the scheme is Digest (case-insensitive). */
    public boolean isDigest() {
        return scheme.equalsIgnoreCase("Digest");
    }

    /**
     * Parses {@code scheme LWS auth-param *(COMMA auth-param)}.
     *
     * @throws SipParseException (400) on a syntax error
     */
    public static AuthField parse(String value) {
        Cursor c = new Cursor(value);
        c.skipWs();
        String scheme = c.token("auth scheme");
        c.skipWs();
        Parameters params = Parameters.EMPTY;
        boolean first = true;
        while (!c.atEnd()) {
            if (!first) {
                c.expect(',', "auth-params");
            }
            first = false;
            String name = c.token("auth-param name");
            c.expect('=', "auth-param");
            String v = c.peek() == '"' ? c.quotedRaw("auth-param") : c.run(Chars.TOKEN);
            if (v.isEmpty()) {
                throw SipParseException.bad("empty auth-param " + name);
            }
            if (params.has(name)) {
                throw SipParseException.bad("duplicate auth-param " + name);
            }
            params = params.with(name, v);
            c.skipWs();
        }
        return new AuthField(scheme, params);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(128).append(scheme);
        for (int i = 0; i < params.size(); i++) {
            b.append(i == 0 ? " " : ", ").append(params.name(i)).append('=').append(params.rawValue(i).orElse(""));
        }
        return b.toString();
    }
}
