package org.carillon.media.leg;

import org.carillon.media.rtp.RtpPacket;

/**
 * Where a leg hands each accepted packet: a bridge to the other leg, a recorder tap. Called on the leg's
 * event loop with a view that is only valid during the call; a target that keeps the bytes must retain
 * the buffer or copy them. Must not block.
 */
@FunctionalInterface
public interface InboundTarget {

    /**
     * @param telephoneEvent whether the packet is an RFC 4733 event rather than audio
     */
    void onRtp(MediaLeg from, RtpPacket packet, boolean telephoneEvent);
}
