package org.carillon.media.rtcp;

import java.util.List;

/** An RTCP report the media engine reads: sender report, receiver report, or BYE (RFC 3550 §6.4, §6.6). */
public sealed interface RtcpReport {

    /** SSRC of the packet's sender. */
    int ssrc();

    /**
     * Sender report (PT 200).
     *
     * @param ntpTimestamp 64-bit NTP time the report was sent
     * @param rtpTimestamp the same instant on the RTP clock
     * @param packetCount RTP packets sent by the sender so far
     * @param octetCount payload octets sent so far
     */
    record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, long packetCount, long octetCount,
                        List<ReportBlock> blocks) implements RtcpReport {
        public SenderReport {
            blocks = List.copyOf(blocks);
        }
    }

    /** Receiver report (PT 201). */
    record ReceiverReport(int ssrc, List<ReportBlock> blocks) implements RtcpReport {
        public ReceiverReport {
            blocks = List.copyOf(blocks);
        }
    }

    /** Goodbye (PT 203): the source is leaving. */
    record Bye(int ssrc) implements RtcpReport {
    }
}
