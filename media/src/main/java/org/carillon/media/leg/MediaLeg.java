package org.carillon.media.leg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.dtmf.DtmfListener;
import org.carillon.media.dtmf.DtmfReceiver;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.rtcp.ReportBlock;
import org.carillon.media.rtcp.RtcpParser;
import org.carillon.media.rtcp.RtcpReport;
import org.carillon.media.rtp.ReceiveStatistics;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpRewriter;
import org.carillon.media.rtp.RtpSink;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;

/**
 * One RTP endpoint facing one peer: a UDP socket pair (RTP even, RTCP odd), the SDP agreement, and the
 * receive path as a row of small stages — parse, latch the source address, check direction and payload
 * type, account statistics, spot DTMF, hand to taps (recorder) and to the target (bridge). Every packet
 * that falls out of the row is counted by reason ({@link LegStatistics}).
 *
 * <p>Sending: whatever feeds the leg goes through {@link #sendRtp} (players, tones) or {@link #forward}
 * (a bridge); both rewrite SSRC/sequence/timestamp into one continuous stream (RFC 3550 §5.1) and respect
 * the negotiated direction. Socket send queues are bounded: when full, packets are dropped and counted.
 *
 * <p>Threading: everything runs on the leg's event loop. {@link #apply}, {@link #close} and listener
 * registration may be called from any thread; listeners are called on the event loop and must not block
 * (the call engine hops to its own executor). The receive and forward paths allocate nothing of their own.
 */
public final class MediaLeg implements RtpSink, AutoCloseable {

    private static final InetSocketAddress NOWHERE = new InetSocketAddress(0);

    private final Channel rtp;
    private final Channel rtcp;
    private final MediaScheduler scheduler;
    private final AddressLatch latch;
    private final RtpRewriter rewriter;
    private final RtpPacket view = new RtpPacket();
    private final RtpPacket sourceView = new RtpPacket();
    private final LegCounters counters = new LegCounters();
    private final ReceiveStatistics stats = new ReceiveStatistics(8000);
    private final DtmfReceiver dtmf;
    private final List<DtmfListener> dtmfListeners = new CopyOnWriteArrayList<>();
    private final List<InboundTarget> taps = new CopyOnWriteArrayList<>();
    private final List<Runnable> noRtpListeners = new CopyOnWriteArrayList<>();
    private final NoRtpWatchdog watchdog;
    private final Cancellable rtcpTask;
    private final String cname;
    private final Runnable onClose;
    private final boolean connectLatched;
    private InetSocketAddress connectedTo;
    private volatile InboundTarget target;
    private volatile NegotiatedAudio audio;
    private volatile Optional<ReportBlock> peerReport = Optional.empty();
    private volatile boolean closed;
    private boolean receives;
    private boolean sends;
    private int receivePt = -1;
    private int receiveTe = -1;
    private boolean flushPending;
    private long lastSenderReportMiddle;
    private long lastSenderReportNanos;

    /**
     * A leg on already bound channels; {@link org.carillon.media.relay.MediaEngine} is the usual way to get one.
     *
     * @param rtcp the RTCP socket, if one is bound
     * @param onClose run once when the leg closes (returns the ports)
     */
    public MediaLeg(Channel rtp, Optional<Channel> rtcp, MediaScheduler scheduler, LegSettings settings,
                    RtpRewriter rewriter, Runnable onClose) {
        this.rtp = rtp;
        this.rtcp = rtcp.orElse(null);
        this.scheduler = scheduler;
        this.latch = new AddressLatch(settings.latchMode());
        this.rewriter = rewriter;
        this.onClose = onClose;
        this.connectLatched = settings.connectLatched();
        this.cname = "leg-" + Integer.toHexString(rewriter.ssrc()) + "@carillon";
        this.dtmf = new DtmfReceiver(new DtmfListener() {
            @Override
            public void eventStarted(char digit) {
                dtmfListeners.forEach(l -> l.eventStarted(digit));
            }

            @Override
            public void eventEnded(DtmfEvent event) {
                counters.dtmfEvents.increment();
                dtmfListeners.forEach(l -> l.eventEnded(event));
            }
        }, 8000);
        this.watchdog = new NoRtpWatchdog(scheduler, settings.noRtpTimeout().toMillis(), counters.packetsIn::get,
                () -> noRtpListeners.forEach(Runnable::run));
        this.watchdog.pause();
        long interval = settings.rtcpInterval().toMillis();
        this.rtcpTask = this.rtcp == null ? () -> { }
                : scheduler.scheduleAtFixedRate(this::sendReport, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Our RTP port, for the SDP we send. */
    public int localPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    /** The scheduler of this leg's event loop: players and collectors for this leg run on it. */
    public MediaScheduler scheduler() {
        return scheduler;
    }

    /** The Netty channel of the RTP socket (the bridge checks both legs share an event loop). */
    public Channel channel() {
        return rtp;
    }

    /** The agreement last applied, if any. */
    public Optional<NegotiatedAudio> audio() {
        return Optional.ofNullable(audio);
    }

    /** The codec agreed on this leg; PCMU until an agreement is applied. */
    public AudioFormat codec() {
        NegotiatedAudio a = audio;
        return a == null ? AudioFormat.PCMU : a.codec();
    }

    /**
     * Applies an SDP agreement (first answer, re-offer, hold, resume, moved address). A changed remote
     * address releases the latch; on hold the no-RTP watchdog pauses.
     *
     * @return completes once the event loop has applied it
     */
    public CompletableFuture<Void> apply(NegotiatedAudio agreed) {
        return CompletableFuture.runAsync(() -> {
            audio = agreed;
            latch.expect(agreed.remote().orElse(NOWHERE));
            if (connectedTo != null && !latch.latched().isPresent()) {
                connectedTo = null; // the peer moved: listen to everyone again until the new address latches
                rtp.disconnect();
            }
            receives = agreed.direction().receives();
            sends = agreed.direction().sends();
            receivePt = agreed.receivePayloadType();
            receiveTe = agreed.receiveTelephoneEvent().orElse(-1);
            if (receives) {
                watchdog.resume();
            } else {
                watchdog.pause();
            }
        }, rtp.eventLoop());
    }

    /** Sets where accepted packets go (a bridge), or removes it with {@code Optional.empty()}. */
    public void target(Optional<InboundTarget> newTarget) {
        target = newTarget.orElse(null);
    }

    /** Adds a tap that sees every accepted packet before the target (which may transcode it in place). */
    public void addTap(InboundTarget tap) {
        taps.add(tap);
    }

    public void removeTap(InboundTarget tap) {
        taps.remove(tap);
    }

    public void addDtmfListener(DtmfListener listener) {
        dtmfListeners.add(listener);
    }

    public void removeDtmfListener(DtmfListener listener) {
        dtmfListeners.remove(listener);
    }

    /** Runs {@code listener} (on the event loop) when no RTP arrived for the configured timeout. */
    public void onNoRtp(Runnable listener) {
        noRtpListeners.add(listener);
    }

    /** Receive path for one datagram; called by the socket handler on the event loop. */
    public void receive(ByteBuf datagram, InetSocketAddress sender) {
        counters.packetsIn.increment();
        counters.bytesIn.add(datagram.readableBytes());
        if (!view.wrap(datagram)) {
            counters.malformed.increment();
            return;
        }
        if (!latch.accept(sender)) {
            return; // counted by the latch
        }
        if (connectLatched && connectedTo == null) {
            connectedTo = sender;
            rtp.connect(sender); // from now on the kernel filters strangers (RFC 4961 symmetric RTP)
        }
        if (!receives) {
            counters.directionDropped.increment();
            return;
        }
        int pt = view.payloadType();
        boolean event = pt == receiveTe;
        if (!event && pt != receivePt) {
            counters.unknownPayload.increment();
            return;
        }
        stats.update(view.ssrc(), view.sequenceNumber(), view.timestamp(), scheduler.nanoTime());
        if (event && !dtmf.receive(view)) {
            counters.malformed.increment();
            return;
        }
        if (!taps.isEmpty()) {
            for (InboundTarget tap : taps) {
                tap.onRtp(this, view, event);
            }
        }
        InboundTarget t = target;
        if (t != null) {
            t.onRtp(this, view, event);
        }
    }

    /** Called by the socket handler after a batch of reads: lets the target flush what it queued. */
    public void readBatchComplete() {
        InboundTarget t = target;
        if (t instanceof BatchAware b) {
            b.batchComplete();
        }
    }

    /** A target that wants to know when a batch of reads ends (to flush writes once per batch). */
    public interface BatchAware {
        void batchComplete();
    }

    /**
     * Sends a packet received on another leg, already rewritten to this leg's payload types: rewrites its
     * SSRC/sequence/timestamp and queues it without flushing (see {@link #flush}). The packet's buffer is
     * retained, not copied. Event loop only.
     */
    public void forward(RtpPacket packet) {
        if (!sends) {
            counters.directionDropped.increment();
            return;
        }
        InetSocketAddress to = latch.targetOrNull();
        if (to == null) {
            counters.noTarget.increment();
            return;
        }
        if (!rtp.isWritable()) {
            counters.congested.increment();
            return;
        }
        rewriter.rewrite(packet, scheduler.nanoTime());
        ByteBuf buf = packet.buffer();
        ByteBuf out = packet.offset() == buf.readerIndex() && packet.length() == buf.readableBytes()
                ? buf.retain() : buf.retainedSlice(packet.offset(), packet.length());
        counters.packetsOut.increment();
        counters.bytesOut.add(packet.length());
        // a connected socket takes the bare buffer: no envelope object per packet
        rtp.write(to == connectedTo ? out : new DatagramPacket(out, to), rtp.voidPromise());
        flushPending = true;
    }

    /** Flushes packets queued by {@link #forward}. Event loop only. */
    public void flush() {
        if (flushPending) {
            flushPending = false;
            rtp.flush();
        }
    }

    /** The payload type to use for audio we send, from the agreement (0 before one). */
    public int sendPayloadType() {
        NegotiatedAudio a = audio;
        return a == null ? 0 : a.sendPayloadType();
    }

    /** The payload type for RFC 4733 events we send, if the peer takes them. */
    public java.util.OptionalInt sendTelephoneEvent() {
        NegotiatedAudio a = audio;
        return a == null ? java.util.OptionalInt.empty() : a.sendTelephoneEvent();
    }

    /**
     * Sends a packet made by a local source (player, tone, DTMF sender) and releases it. From another thread
     * the packet is handed to the event loop first.
     */
    @Override
    public void sendRtp(ByteBuf packet) {
        if (!rtp.eventLoop().inEventLoop()) {
            try {
                rtp.eventLoop().execute(() -> sendRtp(packet));
            } catch (RejectedExecutionException shutDown) {
                packet.release();
            }
            return;
        }
        if (closed || !sourceView.wrap(packet)) {
            packet.release();
            return;
        }
        if (!sends) {
            counters.directionDropped.increment();
            packet.release();
            return;
        }
        InetSocketAddress to = latch.targetOrNull();
        if (to == null || !rtp.isWritable()) {
            (to == null ? counters.noTarget : counters.congested).increment();
            packet.release();
            return;
        }
        rewriter.rewrite(sourceView, scheduler.nanoTime());
        counters.packetsOut.increment();
        counters.bytesOut.add(packet.readableBytes());
        rtp.writeAndFlush(to == connectedTo ? packet : new DatagramPacket(packet, to), rtp.voidPromise());
    }

    /** Counts a packet another leg could not forward here (no common codec, no telephone-event). */
    public void countUnforwardable() {
        counters.unknownPayload.increment();
    }

    /** Makes the next source packet start a new mapping (a player restarted with the same SSRC). */
    public void resyncOutput() {
        rtp.eventLoop().execute(rewriter::resync);
    }

    /** Receive path for an RTCP datagram: keeps the peer's report about our stream. */
    public void receiveRtcp(ByteBuf datagram) {
        counters.rtcpIn.increment();
        for (RtcpReport r : RtcpParser.parse(datagram)) {
            List<ReportBlock> blocks = switch (r) {
                case RtcpReport.SenderReport sr -> {
                    lastSenderReportMiddle = (sr.ntpTimestamp() >>> 16) & 0xFFFF_FFFFL;
                    lastSenderReportNanos = scheduler.nanoTime();
                    yield sr.blocks();
                }
                case RtcpReport.ReceiverReport rr -> rr.blocks();
                case RtcpReport.Bye bye -> List.of();
            };
            blocks.stream().filter(b -> b.ssrc() == rewriter.ssrc()).findFirst().ifPresent(b -> peerReport = Optional.of(b));
        }
    }

    private void sendReport() {
        InetSocketAddress to = latch.targetOrNull();
        if (to == null || closed) {
            return;
        }
        var report = new RtcpReportBuilder(rtcp.alloc(), rewriter.ssrc(), cname);
        long dlsr = lastSenderReportNanos == 0 ? 0 : (scheduler.nanoTime() - lastSenderReportNanos) * 65536 / 1_000_000_000L;
        ByteBuf b = report.build(stats, counters.packetsOut.get(), counters.bytesOut.get(),
                scheduler.currentTimeMillis(), lastSenderReportMiddle, dlsr);
        rtcp.writeAndFlush(new DatagramPacket(b, new InetSocketAddress(to.getAddress(), to.getPort() + 1)),
                rtcp.voidPromise());
    }

    /** Figures for the call engine; from any thread (values may lag the event loop by a packet or so). */
    public LegStatistics statistics() {
        return new LegStatistics(counters.snapshot(latch.dropped()), stats.snapshot(), peerReport);
    }

    /** The latched peer address, if any. */
    public Optional<InetSocketAddress> latchedAddress() {
        return latch.latched();
    }

    /** Closes the sockets, stops timers and returns the ports. Idempotent; from any thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        target = null;
        try {
            rtp.eventLoop().execute(() -> {
                watchdog.close();
                rtcpTask.cancel();
            });
        } catch (RejectedExecutionException shutDown) {
            // the engine stopped first: its timers died with the event loop
        }
        rtp.close();
        if (rtcp != null) {
            rtcp.close();
        }
        rtp.closeFuture().addListener(f -> onClose.run());
    }
}
