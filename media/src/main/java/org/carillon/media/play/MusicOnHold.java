package org.carillon.media.play;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.Codec;
import org.carillon.media.codec.Codecs;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.rtp.RtpSink;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;
import org.carillon.media.wav.AudioClip;

/**
 * One music-on-hold source shared by every held caller, like a radio: a single looping clip advances one
 * 20 ms frame per tick, each frame is encoded once per codec in use, and every listener gets it in its
 * own packet. The clock stops while nobody listens. Listeners may join and leave from any thread; ticks
 * run on the scheduler's thread and each leg hops its packet onto its own event loop.
 */
public final class MusicOnHold implements AutoCloseable {

    private static final int SAMPLES = 160;

    private final MediaScheduler scheduler;
    private final ClipSource source;
    private final ByteBufAllocator alloc;
    private final int ssrc;
    private final short[] frame = new short[SAMPLES];
    private final byte[] ulaw = new byte[SAMPLES];
    private final byte[] alaw = new byte[SAMPLES];
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Cancellable task;
    private int timestamp;
    private int seq;
    private boolean first = true;

    private record Listener(RtpSink sink, AudioFormat codec, int payloadType) {
    }

    /** @param clip the music; played in a loop */
    public MusicOnHold(MediaScheduler scheduler, AudioClip clip, ByteBufAllocator alloc, int ssrc) {
        this.scheduler = scheduler;
        this.source = new ClipSource(clip, true);
        this.alloc = alloc;
        this.ssrc = ssrc;
    }

    /** Starts sending the music to {@code leg} in its codec; cancel to stop. */
    public Cancellable listen(MediaLeg leg) {
        leg.resyncOutput();
        return listen(leg, leg.codec(), leg.sendPayloadType());
    }

    /**
     * Starts sending the music to {@code sink}.
     *
     * @throws IllegalArgumentException for a codec other than G.711
     */
    public Cancellable listen(RtpSink sink, AudioFormat codec, int payloadType) {
        if (!codec.equals(AudioFormat.PCMU) && !codec.equals(AudioFormat.PCMA)) {
            throw new IllegalArgumentException("music on hold plays G.711 only, not " + codec);
        }
        var l = new Listener(sink, codec, payloadType);
        listeners.add(l);
        scheduler.schedule(this::ensureRunning, 0, TimeUnit.NANOSECONDS);
        return () -> listeners.remove(l);
    }

    /** Listeners now. */
    public int listeners() {
        return listeners.size();
    }

    private void ensureRunning() {
        if (task == null && !listeners.isEmpty()) {
            task = scheduler.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        if (listeners.isEmpty()) {
            task.cancel();
            task = null;
            first = true;
            return;
        }
        source.read(frame, 0, SAMPLES);
        Codec.Encoder u = Codecs.require(AudioFormat.PCMU).newEncoder();
        Codec.Encoder a = Codecs.require(AudioFormat.PCMA).newEncoder();
        boolean needU = false;
        boolean needA = false;
        for (Listener l : listeners) {
            needU |= l.codec().equals(AudioFormat.PCMU);
            needA |= l.codec().equals(AudioFormat.PCMA);
        }
        if (needU) {
            u.encode(frame, 0, SAMPLES, ulaw, 0);
        }
        if (needA) {
            a.encode(frame, 0, SAMPLES, alaw, 0);
        }
        for (Listener l : listeners) {
            ByteBuf b = alloc.buffer(RtpPacket.FIXED_HEADER_LENGTH + SAMPLES);
            RtpPacket.writeHeader(b, first, l.payloadType(), seq, timestamp, ssrc);
            b.writeBytes(l.codec().equals(AudioFormat.PCMU) ? ulaw : alaw);
            l.sink().sendRtp(b);
        }
        first = false;
        seq = (seq + 1) & 0xFFFF;
        timestamp += SAMPLES;
    }

    /** Stops the music for everyone. */
    @Override
    public void close() {
        listeners.clear();
    }
}
