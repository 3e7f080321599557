package org.carillon.media.play;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.Codec;
import org.carillon.media.codec.Codecs;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.dtmf.DtmfListener;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpSink;
import org.carillon.media.rtp.SsrcGenerator;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;

/**
 * Plays a playlist (prompts, tones) into a leg, one packet per packet interval on the injected scheduler's
 * fixed-rate grid, encoding each frame in the leg's codec. Playback can be interrupted by a DTMF key
 * (the caller knows the menu and starts typing): the player stops at the key's first packet.
 *
 * <p>One playback at a time: a new {@link #play} stops the current one. Runs on the scheduler's thread;
 * {@link #play} and {@link #stop} may be called from any thread and take effect on it.
 */
public final class PromptPlayer implements DtmfListener, AutoCloseable {

    /** How a playback ended. */
    public enum Outcome { FINISHED, INTERRUPTED, STOPPED }

    /**
     * @param digit the key that interrupted the playback
     */
    public record Result(Outcome outcome, Optional<Character> digit) {
    }

    private final MediaScheduler scheduler;
    private final RtpSink sink;
    private final Codec.Encoder encoder;
    private final int payloadType;
    private final int samplesPerPacket;
    private final long packetNanos;
    private final ByteBufAllocator alloc;
    private final int ssrc;
    private final short[] frame;
    private final byte[] payload;
    private final ArrayDeque<AudioSource> queue = new ArrayDeque<>();
    private Runnable onClose = () -> { };
    private Cancellable task;
    private CompletableFuture<Result> current;
    private boolean interruptible;
    private boolean first;
    private int seq;
    private int timestamp;

    /**
     * @param payloadType payload type the peer receives the codec on
     * @param ptimeMillis packet interval (10..60 ms)
     * @param ssrc the player's own SSRC (the leg folds it into its stream)
     */
    public PromptPlayer(MediaScheduler scheduler, RtpSink sink, Codec codec, int payloadType, int ptimeMillis,
                        ByteBufAllocator alloc, int ssrc) {
        this.scheduler = scheduler;
        this.sink = sink;
        this.encoder = codec.newEncoder();
        this.payloadType = payloadType;
        this.samplesPerPacket = Math.clamp(ptimeMillis, 10, 60) * 8;
        this.packetNanos = TimeUnit.MILLISECONDS.toNanos(Math.clamp(ptimeMillis, 10, 60));
        this.alloc = alloc;
        this.ssrc = ssrc;
        this.frame = new short[samplesPerPacket];
        this.payload = new byte[codec.maxEncodedLength(samplesPerPacket)];
    }

    /**
     * A player for {@code leg}: its scheduler, codec, payload type and packet interval; interrupted by the
     * leg's DTMF. Close it to unhook it from the leg.
     */
    public static PromptPlayer on(MediaLeg leg) {
        int ptime = leg.audio().map(a -> a.ptime()).orElse(20);
        var player = new PromptPlayer(leg.scheduler(), leg, Codecs.require(leg.codec()), leg.sendPayloadType(),
                ptime, leg.channel().alloc(), new SsrcGenerator().nextSsrc());
        leg.addDtmfListener(player);
        player.onClose = () -> leg.removeDtmfListener(player);
        return player;
    }

    /**
     * Plays {@code playlist} in order.
     *
     * @param interruptible whether a DTMF key stops the playback
     * @return completes when the playlist ends, a key interrupts it or it is stopped
     */
    public CompletableFuture<Result> play(List<? extends AudioSource> playlist, boolean interruptible) {
        var result = new CompletableFuture<Result>();
        scheduler.schedule(() -> start(List.copyOf(playlist), interruptible, result), 0, TimeUnit.NANOSECONDS);
        return result;
    }

    /** Stops the current playback (its future completes with {@link Outcome#STOPPED}). */
    public void stop() {
        scheduler.schedule(() -> finish(Outcome.STOPPED, Optional.empty()), 0, TimeUnit.NANOSECONDS);
    }

    private void start(List<? extends AudioSource> playlist, boolean canInterrupt, CompletableFuture<Result> result) {
        finish(Outcome.STOPPED, Optional.empty());
        queue.addAll(playlist);
        current = result;
        interruptible = canInterrupt;
        first = true;
        task = scheduler.scheduleAtFixedRate(this::tick, 0, packetNanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        int filled = 0;
        while (filled < samplesPerPacket && !queue.isEmpty()) {
            int n = queue.peek().read(frame, filled, samplesPerPacket - filled);
            filled += n;
            if (filled < samplesPerPacket) {
                queue.poll();
            }
        }
        if (filled > 0) {
            java.util.Arrays.fill(frame, filled, samplesPerPacket, (short) 0);
            int length = encoder.encode(frame, 0, samplesPerPacket, payload, 0);
            ByteBuf b = alloc.buffer(RtpPacket.FIXED_HEADER_LENGTH + length);
            RtpPacket.writeHeader(b, first, payloadType, seq, timestamp, ssrc);
            b.writeBytes(payload, 0, length);
            first = false;
            seq = (seq + 1) & 0xFFFF;
            timestamp += samplesPerPacket;
            sink.sendRtp(b);
        }
        if (queue.isEmpty()) {
            finish(Outcome.FINISHED, Optional.empty());
        }
    }

    private void finish(Outcome outcome, Optional<Character> digit) {
        if (task != null) {
            task.cancel();
            task = null;
        }
        queue.clear();
        if (current != null) {
            var done = current;
            current = null;
            done.complete(new Result(outcome, digit));
        }
    }

    /** Whether a playback is running. Scheduler thread only. */
    public boolean playing() {
        return current != null;
    }

    @Override
    public void eventStarted(char digit) {
        if (current != null && interruptible) {
            finish(Outcome.INTERRUPTED, Optional.of(digit));
        }
    }

    @Override
    public void eventEnded(DtmfEvent event) {
        // interruption happens at the start of the key press
    }

    /** Stops playback and unhooks from the leg. */
    @Override
    public void close() {
        stop();
        onClose.run();
    }
}
