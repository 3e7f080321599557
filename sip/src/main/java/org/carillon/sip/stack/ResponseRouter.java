package org.carillon.sip.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;

/**
 * Where a response goes, RFC 3261 §18.2.2 with RFC 3581 §4:
 * <ul>
 * <li>stream transports: back over the connection the request came in on (the transport reuses
 *     it by remote address);</li>
 * <li>UDP with {@code rport=N}: to {@code received}:N;</li>
 * <li>UDP otherwise: to {@code received} (or the sent-by address) at the sent-by port (5060 by
 *     default).</li>
 * </ul>
 * {@code maddr} (multicast) is not supported; a sent-by host name with no {@code received}
 * falls back to the source address, since the stack does no DNS.
 */
final class ResponseRouter {

    private static final int DEFAULT_PORT = 5060;

    private ResponseRouter() {
    }

    /**
     * §18.2.2 for streams when the request's connection has closed: a new connection to the
     * {@code received} address (else the source address) and the sent-by port (5060 by default).
     */
    static Flow reconnect(Via via, Flow source) {
        InetAddress address = via.received().flatMap(Hosts::literal).orElse(source.remote().getAddress());
        return new Flow(source.transport(), new InetSocketAddress(address, via.port().orElse(DEFAULT_PORT)));
    }

    /** @param via the top Via after {@link ViaStamp} */
    static Flow route(Via via, Flow source) {
        if (source.transport().reliable()) {
            return source;
        }
        InetAddress address = via.received().flatMap(Hosts::literal)
                .or(() -> Hosts.literal(via.host()))
                .orElse(source.remote().getAddress());
        Optional<Integer> rport = via.rport().isPresent() ? Optional.of(via.rport().getAsInt()) : Optional.empty();
        int port = rport.orElseGet(() -> via.port().orElse(DEFAULT_PORT));
        return new Flow(Transport.UDP, new InetSocketAddress(address, port));
    }
}
