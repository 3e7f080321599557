package org.carillon.media.leg;

import java.util.Optional;
import org.carillon.media.rtcp.ReportBlock;
import org.carillon.media.rtp.StreamStatistics;

/**
 * Media figures of one leg for the call engine (and CDRs): what arrived, what was dropped and why, what was
 * sent, receive quality, and the peer's own view from its last RTCP report.
 *
 * @param received loss and jitter of the stream we receive
 * @param peerReport the report block the peer last sent about our stream, if any
 */
public record LegStatistics(Counts counts, StreamStatistics received, Optional<ReportBlock> peerReport) {

    /**
     * Packet counts since the leg opened.
     *
     * @param packetsIn RTP datagrams read from the socket, good or bad
     * @param malformed not RTP (RFC 3550 A.1 checks failed)
     * @param rejectedSource from an address other than the latched/negotiated one
     * @param directionDropped received while we are sendonly/inactive, or not sent because we are recvonly
     * @param unknownPayload a payload type not negotiated on this leg, or one the other leg cannot take
     * @param noTarget not sent: no address to send to yet (or 0.0.0.0 hold)
     * @param congested not sent: the socket's bounded send queue was full
     * @param dtmfEvents RFC 4733 events received
     * @param rtcpIn RTCP datagrams read
     */
    public record Counts(long packetsIn, long bytesIn, long malformed, long rejectedSource, long directionDropped,
                         long unknownPayload, long packetsOut, long bytesOut, long noTarget, long congested,
                         long dtmfEvents, long rtcpIn) {
    }
}
