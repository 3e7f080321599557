package org.carillon.sip.stack;

import java.net.Inet6Address;
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

    /** An address as written in Via sent-by and in URIs: IPv6 in brackets, in RFC 5952 form. */
    static String uriForm(InetAddress address) {
        return address instanceof Inet6Address ? "[" + text(address) + "]" : address.getHostAddress();
    }

    /**
     * The address as text: IPv4 dotted, IPv6 in the RFC 5952 canonical form ({@code ::1}, not
     * Java's {@code 0:0:0:0:0:0:0:1}) without brackets, as Via {@code received} carries it.
     */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** True when {@code host} is an IP literal equal to {@code address}. */
    static boolean sameAddress(String host, InetAddress address) {
        return literal(host).map(address::equals).orElse(false);
    }
}
