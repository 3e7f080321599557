package org.carillon.sip.uri;

import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.WireBytes;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1.1). Components are kept as written
 * (escapes not decoded) so that a URI forwarded unchanged is byte-identical; use
 * {@link #equivalent(SipUri)} for the §19.1.4 comparison.
 *
 * @param secure   true for {@code sips:}
 * @param user     userinfo user part (may contain {@code ;} for telephone-subscriber), if any
 * @param password password after {@code user:}, if any (deprecated but legal)
 * @param host     host name, IPv4 address or bracketed IPv6 reference as written
 * @param port     port, if given (0..65535)
 * @param params   uri-parameters ({@code ;transport=tcp;lr})
 * @param headers  the {@code ?h=v&...} part without the {@code ?}, if any
 */
public record SipUri(boolean secure, Optional<String> user, Optional<String> password, String host,
                     OptionalInt port, Parameters params, Optional<String> headers) implements Uri {

    /** {@code sip:user@host} with no port, parameters or headers. */
    public static SipUri of(String user, String host) {
        return new SipUri(false, Optional.of(user), Optional.empty(), host, OptionalInt.empty(),
                Parameters.EMPTY, Optional.empty());
    }

    /** {@code sip:host[:port]} (port &lt;= 0 means none), as used in Via-derived and Route URIs. */
    public static SipUri ofHost(String host, int port) {
        return new SipUri(false, Optional.empty(), Optional.empty(), host,
                port > 0 ? OptionalInt.of(port) : OptionalInt.empty(), Parameters.EMPTY, Optional.empty());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The {@code transport} parameter, if present. */
    public Optional<String> transport() {
        return params.find("transport");
    }

    /** Whether the {@code lr} parameter is present (loose routing, RFC 3261 §16.12). */
    public boolean lr() {
        return params.has("lr");
    }

    /** A copy with a different host. */
    public SipUri withHost(String newHost) {
        return new SipUri(secure, user, password, newHost, port, params, headers);
    }

    /** A copy with a different port ({@code <= 0} removes it). */
    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host,
                newPort > 0 ? OptionalInt.of(newPort) : OptionalInt.empty(), params, headers);
    }

    /** A copy with a different user part (empty removes it). */
    public SipUri withUser(Optional<String> newUser) {
        return new SipUri(secure, newUser, password, host, port, params, headers);
    }

    /** A copy with different uri-parameters. */
    public SipUri withParams(Parameters newParams) {
        return new SipUri(secure, user, password, host, port, newParams, headers);
    }

    /**
     * URI equality of RFC 3261 §19.1.4: scheme, user and password case-sensitive after unescaping,
     * host case-insensitive, equal ports, and user/ttl/method/maddr/transport compared when either
     * side has them; other parameters compared when both have them.
     */
    public boolean equivalent(SipUri o) {
        return UriEquivalence.equivalent(this, o);
    }

    /** Appends the wire form, the bytes of {@link #toString()}, without building the String. */
    @Override
    public WireBytes appendTo(WireBytes b) {
        b.append(secure ? "sips:" : "sip:");
        if (user.isPresent()) {
            b.append(user.get());
            if (password.isPresent()) {
                b.append(':').append(password.get());
            }
            b.append('@');
        }
        b.append(host);
        if (port.isPresent()) {
            b.append(':').append(port.getAsInt());
        }
        params.appendTo(b);
        if (headers.isPresent()) {
            b.append('?').append(headers.get());
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(secure ? "sips:" : "sip:");
        if (user.isPresent()) {
            b.append(user.get());
            password.ifPresent(p -> b.append(':').append(p));
            b.append('@');
        }
        b.append(host);
        port.ifPresent(p -> b.append(':').append(p));
        params.appendTo(b);
        headers.ifPresent(h -> b.append('?').append(h));
        return b.toString();
    }
}
