package org.carillon.media.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.carillon.media.port.PortAllocator;
import org.carillon.media.port.PortPair;

/**
 * One event loop's RTP/RTCP socket pairs bound ahead of need: when a pair is taken and fewer than half of
 * {@code target} are left, one task on the loop binds the missing ones (nobody waits for it). Bound sockets do
 * not read until a leg is attached, so a datagram that arrives early waits in the socket as it would before.
 * A pair that fails to bind (a port taken by another process) is released and skipped.
 *
 * <p>Threads: {@link #take} from any thread; refills run on the loop. {@link #close} closes what is still
 * waiting; a pair whose bind completes afterwards is closed too (and the loop's shutdown closes any channel left).
 */
final class PreboundPairs {

    /** A bound pair, not yet reading. */
    record Bound(PortPair pair, Channel rtp, Channel rtcp) {
    }

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final String bindAddress;
    private final PortAllocator ports;
    private final int target;
    private final BooleanSupplier closed;
    private final ConcurrentLinkedQueue<Bound> ready = new ConcurrentLinkedQueue<>();
    /** Pairs ready plus pairs being bound. */
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();

    PreboundPairs(EventLoop loop, Bootstrap bootstrap, String bindAddress, PortAllocator ports, int target,
                  BooleanSupplier closed) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.bindAddress = bindAddress;
        this.ports = ports;
        this.target = target;
        this.closed = closed;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    /** A bound pair, if one is ready; asks the loop to bind more when few are left. */
    Optional<Bound> take() {
        Bound b = ready.poll();
        if (b != null) {
            count.decrementAndGet();
        }
        refillIfLow();
        return Optional.ofNullable(b);
    }

    private void refillIfLow() {
        if (target == 0 || closed.getAsBoolean() || count.get() > target / 2 || !refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.execute(this::refill);
        } catch (RejectedExecutionException shutDown) {
            refilling.set(false);
        }
    }

    /** On the loop: starts the binds of the missing pairs; the last one to finish ends the round. */
    private void refill() {
        int missing = target - count.get();
        AtomicInteger pending = new AtomicInteger(1); // this method's own share, released at the end
        AtomicBoolean anyBound = new AtomicBoolean();
        for (int i = 0; i < missing && !closed.getAsBoolean(); i++) {
            Optional<PortPair> pair = ports.allocate();
            if (pair.isEmpty()) {
                break; // the range is in use: legs bind on the spot (and fail) as without the pool
            }
            count.incrementAndGet();
            pending.incrementAndGet();
            bindPair(pair.get(), ok -> {
                if (ok) {
                    anyBound.set(true);
                } else {
                    count.decrementAndGet();
                }
                roundDone(pending, anyBound);
            });
        }
        roundDone(pending, anyBound);
    }

    private void roundDone(AtomicInteger pending, AtomicBoolean anyBound) {
        if (pending.decrementAndGet() == 0) {
            refilling.set(false);
            if (anyBound.get()) {
                refillIfLow(); // legs taken while this round ran
            }
        }
    }

    private void bindPair(PortPair pair, Consumer<Boolean> done) {
        bind(pair.rtp()).addListener(rtpBound -> {
            Channel rtp = ((ChannelFuture) rtpBound).channel();
            if (!rtpBound.isSuccess()) {
                rtp.close();
                ports.release(pair);
                done.accept(false);
                return;
            }
            bind(pair.rtcp()).addListener(rtcpBound -> {
                Channel rtcp = ((ChannelFuture) rtcpBound).channel();
                if (!rtcpBound.isSuccess() || closed.getAsBoolean()) {
                    rtp.close();
                    rtcp.close();
                    ports.release(pair);
                    done.accept(false);
                    return;
                }
                ready.add(new Bound(pair, rtp, rtcp));
                done.accept(true);
            });
        });
    }

    private ChannelFuture bind(int port) {
        return bootstrap.bind(new InetSocketAddress(bindAddress, port));
    }

    /** Closes the pairs still waiting (the engine stops). */
    void close() {
        for (Bound b; (b = ready.poll()) != null; ) {
            b.rtp().close();
            b.rtcp().close();
            ports.release(b.pair());
        }
    }
}
