package org.carillon.media.rtp;

/**
 * Keeps one outgoing RTP stream continuous while its sources change (RFC 3550 §5.1, §8.2; RFC 7667 §3.2.1.2
 * "media translator" behaviour): whatever feeds a leg (the other leg, a prompt, music on hold, a tone, DTMF)
 * the peer sees one SSRC whose sequence numbers and timestamps run on without jumps.
 *
 * <p>Within one source, offsets stay fixed, so the source's own gaps and reordering pass through unchanged.
 * When the source SSRC changes, new offsets continue the output where it stopped: sequence +1 and the
 * timestamp advanced by the wall-clock time elapsed (at least one frame), with the marker bit set on the
 * first packet (RFC 3551 §4.1: start of a talkspurt). Not thread-safe: one leg, one thread. Allocates nothing.
 */
public final class RtpRewriter {

    private final int outSsrc;
    private final int clockRate;
    private boolean started;
    private int sourceSsrc;
    private int seqOffset;
    private int tsOffset;
    private int lastOutSeq;
    private int lastOutTs;
    private long lastOutNanos;
    private boolean forceResync;

    /**
     * @param outSsrc the SSRC the peer sees
     * @param initialSeq the first sequence number sent (random, RFC 3550 §5.1)
     * @param initialTimestamp the first timestamp sent (random)
     * @param clockRate RTP clock in Hz
     */
    public RtpRewriter(int outSsrc, int initialSeq, int initialTimestamp, int clockRate) {
        this.outSsrc = outSsrc;
        this.clockRate = clockRate;
        this.lastOutSeq = (initialSeq - 1) & 0xFFFF;
        this.lastOutTs = initialTimestamp;
    }

    /** The SSRC every rewritten packet carries. */
    public int ssrc() {
        return outSsrc;
    }

    /** Makes the next packet start a new mapping even if its SSRC is the same (e.g. a player restarted). */
    public void resync() {
        forceResync = true;
    }

    /**
     * Rewrites the header of {@code packet} in place: SSRC, sequence number, timestamp and, at a source
     * change, the marker bit.
     *
     * @param nowNanos the scheduler's current time, used to size the timestamp gap at a source change
     */
    public void rewrite(RtpPacket packet, long nowNanos) {
        int srcSsrc = packet.ssrc();
        int seq = packet.sequenceNumber();
        int ts = packet.timestamp();
        boolean switched = !started || forceResync || srcSsrc != sourceSsrc;
        if (switched) {
            int gap = started ? (int) Math.max(frameTicks(), RtpTimestamp.ticks(nowNanos - lastOutNanos, clockRate)) : 0;
            seqOffset = (lastOutSeq + 1) - seq;
            tsOffset = (lastOutTs + gap) - ts;
            sourceSsrc = srcSsrc;
            started = true;
            forceResync = false;
            packet.setMarker(true);
        }
        int outSeq = (seq + seqOffset) & 0xFFFF;
        int outTs = ts + tsOffset;
        packet.setSsrc(outSsrc);
        packet.setSequenceNumber(outSeq);
        packet.setTimestamp(outTs);
        if (RtpSequence.isNewer(outSeq, lastOutSeq)) {
            lastOutSeq = outSeq;
        }
        if (switched || RtpTimestamp.isNewer(outTs, lastOutTs)) {
            lastOutTs = outTs;
            lastOutNanos = nowNanos;
        }
    }

    private int frameTicks() {
        return clockRate / 50; // 20 ms, the PBX's packet interval
    }
}
