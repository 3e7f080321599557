package org.carillon.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One end of a SIP exchange as the transport sees it: the remote address and the transport. For
 * stream transports this names the connection (connections are reused by remote address); for
 * UDP it is where datagrams go.
 *
 * @param transport the transport
 * @param remote    the peer's IP address and port (resolved, never unresolved)
 */
public record Flow(Transport transport, InetSocketAddress remote) {

    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + remote);
        }
    }

    @Override
    public String toString() {
        return transport + ":" + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
