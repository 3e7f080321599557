package org.carillon.media.port;

/**
 * An RTP port and the RTCP port after it (RFC 3550 §11: RTP even, RTCP the next odd number).
 *
 * @param rtp even port number
 */
public record PortPair(int rtp) {

    /** @throws IllegalArgumentException if {@code rtp} is odd or outside 2..65534 */
    public PortPair {
        if ((rtp & 1) != 0 || rtp < 2 || rtp > 65534) {
            throw new IllegalArgumentException("RTP port must be even in 2..65534: " + rtp);
        }
    }

    /** The RTCP port, {@code rtp + 1}. */
    public int rtcp() {
        return rtp + 1;
    }
}
