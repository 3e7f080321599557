package org.carillon.sip.stack;

import java.net.InetSocketAddress;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.Via;

/**
 * Marks where a request really came from in its top Via: {@code received} when the sent-by host
 * is not the source address (RFC 3261 §18.2.1), and both {@code received} and the {@code rport}
 * value when the client asked for rport (RFC 3581 §4), so responses get back through NATs.
 */
final class ViaStamp {

    private ViaStamp() {
    }

    /** @throws org.carillon.sip.syntax.SipParseException if the top Via is missing or malformed */
    static void stamp(SipRequest request, InetSocketAddress source) {
        Via via = request.topVia();
        Via stamped = via;
        boolean rport = via.hasRport();
        // A received= the client wrote itself is overwritten too: otherwise a request could steer
        // our responses to any address it likes.
        if (rport || via.received().isPresent() || !Hosts.sameAddress(via.host(), source.getAddress())) {
            stamped = stamped.withReceived(Hosts.text(source.getAddress()));
        }
        if (rport) {
            stamped = stamped.withRport(source.getPort());
        }
        if (stamped != via) {
            request.setTopVia(stamped);
        }
    }
}
