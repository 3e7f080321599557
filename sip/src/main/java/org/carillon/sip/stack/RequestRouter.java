package org.carillon.sip.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;

/**
 * The next hop of an outgoing request (RFC 3261 §8.1.2): the first Route if there is one, else
 * the Request-URI; port 5060 unless given; transport from {@code transport=}, UDP otherwise.
 * Only IP literals are routable (no RFC 3263 DNS yet).
 */
final class RequestRouter {

    private static final int DEFAULT_PORT = 5060;

    private RequestRouter() {
    }

    /** @throws NoRouteException if the hop is not a sip: URI with an IP literal, or needs TLS */
    static Flow nextHop(SipRequest request) {
        List<Address> routes = request.routes();
        Uri uri = routes.isEmpty() ? request.requestUri() : routes.getFirst().uri();
        if (!(uri instanceof SipUri sip)) {
            throw new NoRouteException("cannot route to " + uri.scheme() + ": URI");
        }
        if (sip.secure()) {
            throw new NoRouteException("sips: needs TLS, which is not supported yet");
        }
        InetAddress address = Hosts.literal(sip.host())
                .orElseThrow(() -> new NoRouteException("no DNS: host must be an IP address: " + sip.host()));
        Transport transport = sip.transport().map(RequestRouter::transport).orElse(Transport.UDP);
        return new Flow(transport, new InetSocketAddress(address, sip.port().orElse(DEFAULT_PORT)));
    }

    private static Transport transport(String name) {
        try {
            return Transport.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new NoRouteException("unknown transport " + name);
        }
    }
}
