package org.carillon.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Where a media source (player, tone, DTMF sender, music on hold) puts the RTP packets it makes. The sink
 * takes ownership of the buffer and releases it. A leg implements this by rewriting SSRC/sequence/timestamp
 * into its outgoing stream; tests implement it by collecting packets.
 */
@FunctionalInterface
public interface RtpSink {

    /** Sends (or drops) {@code packet}, a complete RTP packet, and releases it. Called on the source's thread. */
    void sendRtp(ByteBuf packet);
}
