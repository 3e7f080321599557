package org.carillon.media.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.leg.InboundTarget;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.rtp.Counter;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpTimestamp;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavWriter;

/**
 * Records what a leg receives to a WAV file (voicemail, call recording of one side). The event loop only
 * converts each packet into a chunk of file bytes — silence filled in for lost packets by timestamp — and
 * queues it; an I/O executor writes it. Every second (on the injected scheduler) the file is synced, so
 * a crash loses at most about a second and never what came before ({@link WavWriter}).
 *
 * <p>The queue is bounded ({@value #QUEUE_CHUNKS} chunks, ~10 s): if the disk stalls longer, chunks are
 * dropped and counted rather than growing memory or blocking the event loop.
 */
public final class Recorder implements InboundTarget, AutoCloseable {

    public static final int QUEUE_CHUNKS = 500;
    private static final int MAX_GAP_SAMPLES = 8000; // fill at most 1 s of silence for a gap
    private static final byte[] SYNC = new byte[0];
    private static final byte[] CLOSE = new byte[0];

    private final MediaLeg leg;
    private final WavWriter writer;
    private final Executor io;
    private final long maxSamples;
    private final ArrayBlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS + 2);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<Path> finished = new CompletableFuture<>();
    private final Counter dropped = new Counter();
    private final Path target;
    private final Cancellable syncTask;
    private boolean started;
    private int nextTimestamp;
    private long samples;
    private volatile boolean stopped;

    private Recorder(MediaLeg leg, Path target, WavFormat format, Executor io, MediaScheduler scheduler,
                     Duration maxDuration) {
        this.leg = leg;
        this.target = target;
        this.writer = WavWriter.create(target, format);
        this.io = io;
        this.maxSamples = maxDuration.toMillis() * 8;
        this.syncTask = scheduler.scheduleAtFixedRate(() -> enqueue(SYNC), 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts recording {@code leg}'s incoming audio into {@code target} (written as {@code target.part} until
     * {@link #close}).
     *
     * @param io where file writes run (a virtual-thread executor; a direct one in tests)
     * @param scheduler drives the once-a-second sync (the leg's)
     * @param maxDuration recording stops by itself after this much audio
     */
    public static Recorder start(MediaLeg leg, Path target, WavFormat format, Executor io, MediaScheduler scheduler,
                                 Duration maxDuration) {
        var r = new Recorder(leg, target, format, io, scheduler, maxDuration);
        leg.addTap(r);
        return r;
    }

    /** Completes with the final path once the file is closed and renamed. */
    public CompletableFuture<Path> finished() {
        return finished;
    }

    /** Chunks dropped because the disk fell behind. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void onRtp(MediaLeg from, RtpPacket packet, boolean telephoneEvent) {
        if (telephoneEvent || stopped) {
            return;
        }
        int ts = packet.timestamp();
        int length = packet.payloadLength();
        int gap = started ? RtpTimestamp.distance(nextTimestamp, ts) : 0;
        if (gap < 0) {
            return; // late or duplicate packet: its time has been written already
        }
        int silence = Math.min(gap, MAX_GAP_SAMPLES);
        long room = maxSamples - samples;
        int audio = (int) Math.min(length, Math.max(0, room - silence));
        silence = (int) Math.min(silence, room);
        WavFormat format = writer.format();
        byte[] chunk = new byte[(silence + audio) * format.bytesPerSample()];
        fillSilence(chunk, silence, format);
        convert(from.codec(), packet, audio, chunk, silence * format.bytesPerSample(), format);
        started = true;
        nextTimestamp = ts + length;
        samples += silence + audio;
        enqueue(chunk);
        if (samples >= maxSamples) {
            close();
        }
    }

    private static void fillSilence(byte[] chunk, int samples, WavFormat format) {
        if (format == WavFormat.MULAW) {
            java.util.Arrays.fill(chunk, 0, samples, G711.ulawEncode(0));
        } else if (format == WavFormat.ALAW) {
            java.util.Arrays.fill(chunk, 0, samples, G711.alawEncode(0));
        }
    }

    private static void convert(AudioFormat codec, RtpPacket p, int samples, byte[] out, int at, WavFormat format) {
        boolean ulaw = codec.equals(AudioFormat.PCMU);
        for (int i = 0; i < samples; i++) {
            byte code = p.buffer().getByte(p.payloadOffset() + i);
            switch (format) {
                case MULAW -> out[at + i] = ulaw ? code : G711.alawToUlaw(code);
                case ALAW -> out[at + i] = ulaw ? G711.ulawToAlaw(code) : code;
                case PCM16 -> {
                    short v = ulaw ? G711.ulawDecode(code) : G711.alawDecode(code);
                    out[at + 2 * i] = (byte) v;
                    out[at + 2 * i + 1] = (byte) (v >> 8);
                }
            }
        }
    }

    private void enqueue(byte[] chunk) {
        // two slots stay free for control: data may not take them, a sync may take one, the single CLOSE
        // always finds one, so a stalled disk can delay the final rename but never lose it
        int reserve = chunk == CLOSE ? 0 : chunk == SYNC ? 1 : 2;
        if (queue.remainingCapacity() <= reserve || !queue.offer(chunk)) {
            if (chunk != SYNC) {
                dropped.increment();
            }
            return;
        }
        if (draining.compareAndSet(false, true)) {
            io.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (true) {
                byte[] chunk;
                while ((chunk = queue.poll()) != null) {
                    if (chunk == SYNC) {
                        writer.sync();
                    } else if (chunk == CLOSE) {
                        writer.close();
                        finished.complete(target);
                    } else if (!finished.isDone()) {
                        writer.write(chunk, 0, chunk.length);
                    }
                }
                draining.set(false);
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            draining.set(false);
            finished.completeExceptionally(e);
        }
    }

    /** Stops recording; the file is finalised on the I/O executor ({@link #finished}). Idempotent. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        leg.removeTap(this);
        syncTask.cancel();
        enqueue(CLOSE);
    }
}
