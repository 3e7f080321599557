package org.carillon.sip.transport;

/**
 * Receives what the transport reads. Called on a Netty event loop: implementations must be quick
 * and must not block (parse, match a transaction, hand off to an executor).
 */
public interface InboundListener {

    /**
     * One datagram or one framed stream message.
     *
     * @param bytes the whole message; owned by the listener from now on
     * @param flow  where it came from (answer over this flow for §18.2.2 on streams)
     */
    void onMessage(byte[] bytes, Flow flow);

    /**
     * A stream that could not be framed (RFC 3261 §18.3). The transport closes the connection
     * right after this returns; anything sent to {@code flow} from inside this call (a 400) is
     * written before the close.
     *
     * @param head   as much of the header section as was read
     * @param reason why framing failed, for logs
     */
    void onUnframeable(byte[] head, Flow flow, String reason);
}
