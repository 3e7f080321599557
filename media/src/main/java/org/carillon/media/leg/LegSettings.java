package org.carillon.media.leg;

import java.time.Duration;

/**
 * How legs behave; one value for the whole engine.
 *
 * @param latchMode {@link AddressLatch.Mode#LATCH_FIRST} to follow phones behind NAT (the default)
 * @param noRtpTimeout silence after which a receiving leg reports "no RTP" (e.g. 30 s)
 * @param rtcpInterval time between our RTCP reports (RFC 3550 §6.2 suggests 5 s)
 * @param sendQueueBytes bound of each socket's send queue: beyond it packets are dropped and counted
 * @param connectLatched connect the RTP socket to the peer once its address is latched: the kernel then
 *     drops strangers' packets (so they are no longer counted as {@code rejectedSource}) and Netty reads and
 *     writes without a per-packet address object; the socket is disconnected when SDP moves the peer
 */
public record LegSettings(AddressLatch.Mode latchMode, Duration noRtpTimeout, Duration rtcpInterval,
                          int sendQueueBytes, boolean connectLatched) {

    /** NAT latching, 30 s no-RTP timeout, 5 s RTCP, 64 KiB send queue (≈ 300 G.711 packets), connected sockets. */
    public static LegSettings defaults() {
        return new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 64 * 1024,
                true);
    }
}
