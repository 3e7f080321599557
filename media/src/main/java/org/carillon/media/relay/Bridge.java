package org.carillon.media.relay;

import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.PayloadTranscoder;
import org.carillon.media.leg.InboundTarget;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.rtp.RtpPacket;

/**
 * Relays media between two legs in both directions — the hot path. Each packet is rewritten in the buffer
 * it arrived in: payload type mapped to what the other peer agreed to receive, µ-law ⇄ A-law transcoded in
 * place by table when the legs' codecs differ, SSRC/sequence/timestamp continued by the outgoing leg, and
 * the buffer handed to the other socket without a copy. Writes are flushed once per read batch.
 *
 * <p>Both legs live on the same event loop, so the relay runs with no locks and no thread hop. The one exception is
 * {@link #connectAcross}: two legs opened for different calls (an attended transfer joins them), whose packets are
 * copied and handed to the other leg's event loop — a slower path, taken only for such calls.
 * Re-INVITEs that change a codec or payload type take effect on the next packet.
 */
public final class Bridge implements AutoCloseable {

    private final MediaLeg a;
    private final MediaLeg b;

    private Bridge(MediaLeg a, MediaLeg b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Connects {@code a} and {@code b}; replaces any target either had.
     *
     * @throws IllegalArgumentException if the legs are on different event loops or the same leg
     */
    public static Bridge connect(MediaLeg a, MediaLeg b) {
        if (a == b || a.channel().eventLoop() != b.channel().eventLoop()) {
            throw new IllegalArgumentException("bridged legs must be two legs on one event loop");
        }
        a.target(Optional.of(new Direction(b)));
        b.target(Optional.of(new Direction(a)));
        return new Bridge(a, b);
    }

    /**
     * Connects {@code a} and {@code b} wherever they live: on one event loop as {@link #connect}; on two, each
     * packet is copied and relayed on the receiving leg's loop, so each leg's state is still touched by its own
     * thread only.
     *
     * @throws IllegalArgumentException if {@code a} and {@code b} are the same leg
     */
    public static Bridge connectAcross(MediaLeg a, MediaLeg b) {
        if (a != b && a.channel().eventLoop() != b.channel().eventLoop()) {
            a.target(Optional.of(new Hop(new Direction(b))));
            b.target(Optional.of(new Hop(new Direction(a))));
            return new Bridge(a, b);
        }
        return connect(a, b);
    }

    /** Disconnects the legs (they stay open: the call engine may play to them or bridge them elsewhere). */
    @Override
    public void close() {
        a.target(Optional.empty());
        b.target(Optional.empty());
    }

    /** One direction of the relay, installed as the receiving leg's target. */
    /**
     * A {@link Direction} whose leg lives on another event loop: the packet is copied (the receiving loop reuses
     * its view, and transcoding rewrites in place) and relayed there, then flushed.
     */
    private static final class Hop implements InboundTarget {
        private final Direction direction;

        Hop(Direction direction) {
            this.direction = direction;
        }

        @Override
        public void onRtp(MediaLeg from, RtpPacket packet, boolean telephoneEvent) {
            ByteBuf copy = packet.buffer().copy(packet.offset(), packet.length());
            try {
                direction.to.channel().eventLoop().execute(() -> {
                    try {
                        RtpPacket view = new RtpPacket();
                        if (view.wrap(copy)) {
                            direction.onRtp(from, view, telephoneEvent);
                            direction.batchComplete();
                        }
                    } finally {
                        copy.release();
                    }
                });
            } catch (RejectedExecutionException closing) {
                copy.release();
            }
        }
    }

    private static final class Direction implements InboundTarget, MediaLeg.BatchAware {

        private final MediaLeg to;
        private AudioFormat cachedIn;
        private AudioFormat cachedOut;
        private PayloadTranscoder transcoder;
        private boolean incompatible;

        Direction(MediaLeg to) {
            this.to = to;
        }

        @Override
        public void onRtp(MediaLeg from, RtpPacket packet, boolean telephoneEvent) {
            if (telephoneEvent) {
                var te = to.sendTelephoneEvent();
                if (te.isEmpty()) {
                    to.countUnforwardable(); // the call engine may turn the leg's DTMF events into SIP INFO
                    return;
                }
                packet.setPayloadType(te.getAsInt());
            } else {
                AudioFormat in = from.codec();
                AudioFormat out = to.codec();
                if (in != cachedIn || out != cachedOut) {
                    cachedIn = in;
                    cachedOut = out;
                    transcoder = PayloadTranscoder.between(in, out).orElse(null);
                    incompatible = transcoder == null && !in.equals(out);
                }
                if (incompatible) {
                    to.countUnforwardable();
                    return;
                }
                if (transcoder != null) {
                    transcoder.transcode(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
                }
                packet.setPayloadType(to.sendPayloadType());
            }
            to.forward(packet);
        }

        @Override
        public void batchComplete() {
            to.flush();
        }
    }
}
