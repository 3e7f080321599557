package org.carillon.pbx.registrar;

import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Text form of a {@link Flow}: {@code udp:203.0.113.5:5060}, {@code tcp:[2001:db8::1]:5060}. */
final class Flows {
    private Flows() {
    }

    static String describe(Flow flow) {
        InetAddress a = flow.remote().getAddress();
        String host = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return flow.transport().viaName().toLowerCase(Locale.ROOT) + ":" + host + ":" + flow.remote().getPort();
    }

    /** Parses {@link #describe}'s form; empty when malformed. Never resolves names. */
    static Optional<Flow> parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        try {
            Transport t = Transport.fromName(text.substring(0, first));
            String host = text.substring(first + 1, last);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (!host.matches("[0-9a-fA-F:.]+")) {
                return Optional.empty();
            }
            int port = Integer.parseInt(text.substring(last + 1));
            return Optional.of(new Flow(t, new InetSocketAddress(InetAddress.getByName(host), port)));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
