package org.carillon.sip.message.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.Parameters;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.syntax.WireBytes;
import org.carillon.sip.uri.Hosts;

/**
 * One Via entry (RFC 3261 §20.42, §25.1 {@code via-parm}) with the RFC 3581 {@code rport}.
 *
 * @param protocol  protocol name and version, normally {@code SIP/2.0}
 * @param transport transport as written ({@code UDP}, {@code TCP}, {@code TLS}, {@code WS}...)
 * @param host      sent-by host (IPv6 in brackets)
 * @param port      sent-by port, if given
 * @param params    via-params ({@code branch}, {@code received}, {@code rport}, {@code maddr}, ...)
 */
public record Via(String protocol, String transport, String host, OptionalInt port, Parameters params) {
    /** The RFC 3261 §8.1.1.7 branch prefix that marks a compliant branch. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    /** A {@code SIP/2.0/<transport> host[:port];branch=...} entry (port &lt;= 0 means none). */
    public static Via of(String transport, String host, int port, String branch) {
        return new Via("SIP/2.0", transport, host, port > 0 ? OptionalInt.of(port) : OptionalInt.empty(),
                Parameters.EMPTY.with("branch", branch));
    }

    /** The branch parameter, if any. */
    public Optional<String> branch() {
        return params.find("branch");
    }

    /** Whether the branch starts with the RFC 3261 magic cookie {@code z9hG4bK}. */
    public boolean hasRfc3261Branch() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
    }

    /** The received parameter (RFC 3261 §18.2.1), if any. */
    public Optional<String> received() {
        return params.find("received");
    }

    /** Whether the rport parameter is present, with or without a value (RFC 3581 §4). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The rport value, if present with a value (RFC 3581 §4). */
    public OptionalInt rport() {
        Optional<String> v = params.find("rport");
        return v.isPresent() ? OptionalInt.of(Integer.parseInt(v.get())) : OptionalInt.empty();
    }

    /** The maddr parameter, if any. */
    public Optional<String> maddr() {
        return params.find("maddr");
    }

    /** sent-by as host and port. */
    public HostPort sentBy() {
        return new HostPort(host, port);
    }

    /** A copy with {@code received=address} (RFC 3261 §18.2.1). */
    public Via withReceived(String address) {
        return new Via(protocol, transport, host, port, params.with("received", address));
    }

    /** A copy with {@code rport=port} filled in (RFC 3581 §4). */
    public Via withRport(int sourcePort) {
        return new Via(protocol, transport, host, port, params.with("rport", Integer.toString(sourcePort)));
    }

    /** A copy with different parameters. */
    public Via withParams(Parameters newParams) {
        return new Via(protocol, transport, host, port, newParams);
    }

    /** Appends the wire form, the bytes of {@link #toString()}, without building the String. */
    public WireBytes appendTo(WireBytes b) {
        b.append(protocol).append('/').append(transport).append(' ').append(host);
        if (port.isPresent()) {
            b.append(':').append(port.getAsInt());
        }
        return params.appendTo(b);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(protocol).append('/').append(transport).append(' ').append(host);
        port.ifPresent(p -> b.append(':').append(p));
        return params.appendTo(b).toString();
    }

    /**
     * Parses a Via header value, which may hold several comma-separated entries.
     *
     * @throws SipParseException (400) on a syntax error
     */
    public static List<Via> parseList(String value) {
        int[] parts = Cursor.splitCommas(value, "Via");
        if (parts.length == 2) {
            return List.of(parse(new Cursor(value, parts[0], parts[1])));
        }
        List<Via> out = new ArrayList<>(parts.length / 2);
        for (int i = 0; i < parts.length; i += 2) {
            out.add(parse(new Cursor(value, parts[i], parts[i + 1])));
        }
        return out;
    }

    /** Parses the first entry of a Via header value only (the rest is not validated). */
    public static Via parseFirst(String value) {
        int[] parts = Cursor.splitCommas(value, "Via");
        return parse(new Cursor(value, parts[0], parts[1]));
    }

    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "WS", "WSS", "SCTP"};

    static Via parse(Cursor c) {
        c.skipWs();
        String protocol = fastProtocol(c);
        if (protocol == null) {
            String name = c.token("Via protocol name");
            c.expect('/', "Via sent-protocol");
            String version = c.token("Via protocol version");
            protocol = name.equals("SIP") && version.equals("2.0") ? "SIP/2.0" : name + "/" + version;
        }
        c.expect('/', "Via sent-protocol");
        String transport = transport(c);
        int before = c.pos();
        c.skipWs();
        if (c.pos() == before) {
            throw SipParseException.bad("missing LWS before Via sent-by");
        }
        int hostStart = c.pos();
        int hostEnd = Hosts.scan(c.text(), hostStart, c.end());
        String host = c.text().substring(hostStart, hostEnd);
        c.pos(hostEnd);
        OptionalInt port = OptionalInt.empty();
        if (c.consume(':')) {
            port = OptionalInt.of(Numbers.port(c));
        }
        Parameters params = Parameters.parseHeaderParams(c, "Via");
        c.expectEnd("Via");
        checkParams(params);
        return new Via(protocol, transport, host, port, params);
    }

    /** "SIP/2.0" without whitespace, the common case, read without allocating. */
    private static String fastProtocol(Cursor c) {
        String s = c.text();
        int p = c.pos();
        if (p + 7 <= c.end() && s.startsWith("SIP/2.0", p)
                && (p + 7 == c.end() || s.charAt(p + 7) == '/' || Chars.isWsp(s.charAt(p + 7)))) {
            c.pos(p + 7);
            return "SIP/2.0";
        }
        return null;
    }

    private static String transport(Cursor c) {
        String s = c.text();
        int p = c.pos();
        int e = p;
        while (e < c.end() && Chars.isToken(s.charAt(e))) {
            e++;
        }
        for (String t : TRANSPORTS) {
            if (t.length() == e - p && s.regionMatches(p, t, 0, t.length())) {
                c.pos(e);
                return t;
            }
        }
        return c.token("Via transport");
    }

    private static void checkParams(Parameters params) {
        for (int i = 0; i < params.size(); i++) {
            String name = params.name(i);
            Optional<String> raw = params.rawValue(i);
            if (name.equalsIgnoreCase("branch")) {
                if (raw.isEmpty()) {
                    throw SipParseException.bad("empty branch");
                }
            } else if (name.equalsIgnoreCase("rport")) {
                if (raw.isPresent() && Numbers.digits(raw.get(), 5, "rport") > 65535) {
                    throw SipParseException.bad("bad rport");
                }
            } else if (name.equalsIgnoreCase("ttl")) {
                if (raw.isEmpty() || Numbers.digits(raw.get(), 3, "ttl") > 255) {
                    throw SipParseException.bad("bad ttl");
                }
            }
        }
    }
}
