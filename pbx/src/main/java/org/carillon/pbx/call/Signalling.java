package org.carillon.pbx.call;

import org.carillon.media.sdp.SdpParser;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.transaction.ClientTransaction;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The call engine's access to the SIP stack: sends requests on a leg's flow (the device's observed address, or its
 * TCP connection, so NAT'd phones are reached), and writes the headers and bodies every leg needs.
 *
 * <p>Threads: thread-safe.
 */
final class Signalling {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REFER, NOTIFY";
    static final String SDP = "application/sdp";

    private final Supplier<SipStack> stack;
    private final String address;

    Signalling(Supplier<SipStack> stack, String address) {
        this.stack = stack;
        this.address = address;
    }

    SipStack stack() {
        return stack.get();
    }

    /** Our Contact for a leg on {@code transport}, with {@code user} as the user part. */
    String contact(String user, Transport transport) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "<sip:" + user + "@" + host + ":" + stack().port()
                + (transport == Transport.UDP ? "" : ";transport=" + transport.viaName().toLowerCase(Locale.ROOT))
                + ">";
    }

    ClientTransaction send(SipRequest request, Flow flow, ResponseListener listener) {
        return stack().send(request, flow, listener);
    }

    /** Sends an ACK for a 2xx (no transaction, RFC 3261 §13.2.2.4) on {@code flow}; it gets a Via once. */
    void sendAck(SipRequest ack, Flow flow) {
        if (!ack.headers().contains(HeaderName.VIA)) {
            ack.pushVia(stack().newVia(flow.transport()));
        }
        stack().sendStateless(ack, flow);
    }

    static void body(SipMessage message, SessionDescription sdp) {
        message.setBody(sdp.toString().getBytes(StandardCharsets.US_ASCII), Optional.of(SDP));
    }

    /** The message's SDP, if it has a body of that type. @throws org.carillon.media.sdp.SdpParseException */
    static Optional<SessionDescription> sdp(SipMessage message) {
        if (message.bodyLength() == 0 || !message.contentType().map(t -> t.toLowerCase(Locale.ROOT)
                .startsWith(SDP)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(SdpParser.parse(new String(message.body(), StandardCharsets.US_ASCII)));
    }

    /** A listener that ignores everything (responses to our BYE, CANCEL, NOTIFY). */
    static ResponseListener ignoring() {
        return new ResponseListener() {
            @Override
            public void onResponse(org.carillon.sip.message.SipResponse response) {
            }

            @Override
            public void onTimeout() {
            }

            @Override
            public void onTransportError() {
            }
        };
    }
}
