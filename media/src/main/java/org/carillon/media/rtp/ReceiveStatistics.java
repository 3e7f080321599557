package org.carillon.media.rtp;

/**
 * Per-source receive statistics as RFC 3550 Appendix A.1 (extended sequence numbers, loss) and A.8
 * (interarrival jitter) compute them, for RTCP reports and for the call engine's per-leg figures.
 *
 * <p>Written by the leg's event loop only (plain fields: no fence per packet); {@link #snapshot} from another
 * thread may see slightly stale figures. No allocation per packet.
 */
public final class ReceiveStatistics {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final int clockRate;
    private boolean started;
    private int ssrc;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private boolean haveTransit;
    private long jitterQ4; // RFC 3550 A.8 keeps jitter scaled by 16
    private long extendedMax;

    /** @param clockRate the RTP clock of the stream, in Hz (8000 for G.711) */
    public ReceiveStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /**
     * Accounts one packet. {@code arrivalNanos} comes from the injected scheduler's clock.
     * A new SSRC restarts the sequence tracking (the source changed: RFC 3550 A.1 "init_seq").
     */
    public void update(int ssrc, int seq, int rtpTimestamp, long arrivalNanos) {
        if (!started || ssrc != this.ssrc) {
            this.ssrc = ssrc;
            initSeq(seq);
            started = true;
            haveTransit = false;
        } else {
            int udelta = (seq - maxSeq) & 0xFFFF;
            if (udelta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += SEQ_MOD;
                }
                maxSeq = seq;
            } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
                if (seq == badSeq) {
                    initSeq(seq); // two sequential packets after a big jump: the source restarted
                } else {
                    badSeq = (seq + 1) & 0xFFFF;
                    return;
                }
            }
            // else: duplicate or reordered packet, counted below
        }
        received++;
        extendedMax = cycles + maxSeq;
        long arrival = RtpTimestamp.ticks(arrivalNanos, clockRate);
        long transit = arrival - RtpTimestamp.unsigned(rtpTimestamp);
        if (haveTransit) {
            long d = Math.abs((int) (transit - lastTransit));
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        lastTransit = transit;
        haveTransit = true;
    }

    private void initSeq(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
    }

    /** Packets expected from the first to the highest sequence number seen. */
    public long expected() {
        return started ? extendedMax - baseSeq + 1 : 0;
    }

    /** Cumulative packets lost (RFC 3550 A.3); negative when duplicates outnumber losses. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /**
     * Loss fraction since the previous call, as the 8-bit fixed-point value of an RTCP report block
     * (RFC 3550 A.3), and moves the "prior" marks. Call from the leg's thread when building a report.
     */
    public int takeFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) ((lostInterval << 8) / expectedInterval);
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return jitterQ4 >> 4;
    }

    /** Extended highest sequence number received (cycles in the upper 16 bits). */
    public long extendedHighestSequence() {
        return extendedMax;
    }

    /** SSRC of the source currently tracked. */
    public int ssrc() {
        return ssrc;
    }

    /** A copy of the figures for the call engine. */
    public StreamStatistics snapshot() {
        long r = received;
        long e = expected();
        return new StreamStatistics(r, e, Math.max(0, e - r), jitter() * 1000.0 / clockRate);
    }
}
