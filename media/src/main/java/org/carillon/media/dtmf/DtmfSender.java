package org.carillon.media.dtmf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpSink;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;

/**
 * Sends digits as RFC 4733 telephone events, paced by the scheduler every packet interval: the first packet
 * of an event carries the marker bit (§2.5.1.2), every packet of it the event's start timestamp and the
 * duration so far; the end packet goes out three times (§2.5.1.4) with the final duration. Digits queue
 * and go one after another with a pause between them.
 *
 * <p>Uses its own SSRC; the leg's rewriter folds it into the leg's stream. Runs on the scheduler's thread;
 * {@link #send} may be called from it only.
 */
public final class DtmfSender implements AutoCloseable {

    /** How many times the end packet is sent. */
    public static final int END_REPEATS = 3;

    private final MediaScheduler scheduler;
    private final RtpSink sink;
    private final ByteBufAllocator alloc;
    private final int payloadType;
    private final int ssrc;
    private final int ticksPerPacket;
    private final long packetNanos;
    private final ArrayDeque<Character> queue = new ArrayDeque<>();
    private final int toneMillis;
    private final int gapMillis;
    private final int volume;
    private Cancellable task;
    private int seq;
    private int eventTimestamp;
    private int event;
    private int duration;
    private int targetDuration;
    private int endsSent;
    private int gapPackets;
    private long startNanos;
    private boolean sending;

    /**
     * @param payloadType the telephone-event payload type negotiated for sending
     * @param ptimeMillis packet interval, milliseconds
     * @param toneMillis how long each digit lasts
     * @param gapMillis pause between digits
     * @param volume level in dB below 0 dBm0 (10 is usual)
     */
    public DtmfSender(MediaScheduler scheduler, RtpSink sink, ByteBufAllocator alloc, int payloadType, int ssrc,
                      int ptimeMillis, int toneMillis, int gapMillis, int volume) {
        this.scheduler = scheduler;
        this.sink = sink;
        this.alloc = alloc;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.ticksPerPacket = 8 * ptimeMillis;
        this.packetNanos = TimeUnit.MILLISECONDS.toNanos(ptimeMillis);
        this.toneMillis = toneMillis;
        this.gapMillis = gapMillis;
        this.volume = volume;
    }

    /**
     * Queues {@code digits} for sending.
     *
     * @throws IllegalArgumentException if a character is not a DTMF digit (nothing is queued then)
     */
    public void send(String digits) {
        digits.chars().forEach(c -> DtmfDigit.eventOf((char) c));
        digits.chars().forEach(c -> queue.add((char) c));
        if (task == null) {
            startNanos = scheduler.nanoTime();
            task = scheduler.scheduleAtFixedRate(this::tick, 0, packetNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Whether digits remain to be sent. */
    public boolean busy() {
        return task != null;
    }

    private void tick() {
        if (gapPackets > 0) {
            gapPackets--;
            return;
        }
        if (!sending) {
            Character next = queue.poll();
            if (next == null) {
                task.cancel();
                task = null;
                return;
            }
            sending = true;
            event = DtmfDigit.eventOf(next);
            // the event starts "now" on an 8 kHz clock running since the first digit
            eventTimestamp = (int) ((scheduler.nanoTime() - startNanos) / 125_000L);
            endsSent = 0;
            targetDuration = 8 * toneMillis;
            duration = ticksPerPacket;
            emit(true, false);
            return;
        }
        if (duration < targetDuration) {
            duration = Math.min(duration + ticksPerPacket, targetDuration);
            emit(false, false);
            return;
        }
        emit(false, true);
        if (++endsSent == END_REPEATS) {
            sending = false;
            gapPackets = Math.max(0, (int) (TimeUnit.MILLISECONDS.toNanos(gapMillis) / packetNanos) - 1);
        }
    }

    private void emit(boolean marker, boolean end) {
        ByteBuf b = alloc.buffer(RtpPacket.FIXED_HEADER_LENGTH + TelephoneEvent.LENGTH);
        RtpPacket.writeHeader(b, marker, payloadType, seq, eventTimestamp, ssrc);
        seq = (seq + 1) & 0xFFFF;
        TelephoneEvent.write(b, event, end, volume, duration);
        sink.sendRtp(b);
    }

    /** Stops sending; queued digits are dropped. */
    @Override
    public void close() {
        queue.clear();
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
