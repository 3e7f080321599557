package org.carillon.sip.stack;

import java.net.InetAddress;
import java.util.Optional;

/**
 * IP literals in SIP host fields. The stack does no DNS (RFC 3263 resolution belongs to a later
 * layer): a host name where an address is needed means "use the address the packet came from".
 */
final class Hosts {

    private Hosts() {
    }

    /** The address for an IPv4 literal or a (bracketed) IPv6 reference; empty for a host name. */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty() || !(Character.isDigit(h.charAt(0)) || h.indexOf(':') >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(h));
        } catch (IllegalArgumentException notLiteral) {
            return Optional.empty();
        }
    }

    /** An address as written in Via received= and in URIs: IPv6 in brackets. */
    static String uriForm(InetAddress address) {
        String s = address.getHostAddress();
        return address instanceof java.net.Inet6Address ? "[" + s + "]" : s;
    }

    /** True when {@code host} is an IP literal equal to {@code address}. */
    static boolean sameAddress(String host, InetAddress address) {
        return literal(host).map(address::equals).orElse(false);
    }
}
