package org.carillon.sip.message.header;

import java.util.OptionalInt;

/**
 * A host and optional port, as in a Via sent-by (RFC 3261 §18.2.2 sends responses there).
 *
 * @param host host name, IPv4 address or bracketed IPv6 reference
 * @param port port if given; the default is the transport's (5060, or 5061 for TLS)
 */
public record HostPort(String host, OptionalInt port) {
    /** The port, or {@code defaultPort} when none was given. */
    public int portOr(int defaultPort) {
        return port.orElse(defaultPort);
    }

    @Override
    public String toString() {
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }
}
