package org.carillon.media.leg;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.carillon.media.rtp.Counter;

/**
 * Symmetric RTP (RFC 4961) with address latching: decides which source address a leg accepts packets from
 * and where it sends them.
 *
 * <p>A packet from the address negotiated in SDP is accepted and latches it. With {@link Mode#LATCH_FIRST}
 * (phones behind NAT, whose SDP shows a private address) the first source seen is latched instead — but
 * when SDP shows a public address, only a source with that IP may latch (see {@link #plausible}). Once
 * latched, only that address is accepted; everything else is dropped and counted, which keeps a stranger
 * from injecting audio or hijacking the stream. A new negotiated address (re-offer) unlatches.
 *
 * <p>Not thread-safe: used on the leg's event loop. {@link #accept} allocates nothing.
 */
public final class AddressLatch {

    /** How the first packet is treated. */
    public enum Mode {
        /** Accept only the address negotiated in SDP. */
        STRICT,
        /** Latch the first source address seen, whatever SDP said (NAT traversal). */
        LATCH_FIRST
    }

    private final Mode mode;
    private final Counter dropped = new Counter();
    private InetSocketAddress expected;
    private InetSocketAddress latched;

    /** A latch with no negotiated address yet. */
    public AddressLatch(Mode mode) {
        this.mode = mode;
    }

    /**
     * Sets the address SDP negotiated (on the first answer and on every re-offer). A different address than
     * before releases the latch (RFC 3264 §8.3.1: the new address applies); an unspecified address
     * (0.0.0.0, the old hold style of RFC 2543) or port 0 means "send nothing".
     */
    public void expect(InetSocketAddress remote) {
        if (!remote.equals(expected)) {
            expected = remote;
            latched = null;
        }
    }

    /** Whether to accept a packet from {@code source}; refusals are counted. */
    public boolean accept(InetSocketAddress source) {
        if (latched != null) {
            if (latched.equals(source)) {
                return true;
            }
        } else if (source.equals(expected) || mode == Mode.LATCH_FIRST && plausible(source)) {
            latched = source;
            return true;
        }
        dropped.increment();
        return false;
    }

    /**
     * Whether an unlatched leg in NAT mode may latch {@code source}. When SDP names a public address the
     * phone is not behind NAT (or its NAT rewrites SDP), so only that host may latch, from any port: a
     * stranger who guesses the RTP port first cannot hijack the stream. A private, loopback, link-local,
     * carrier-grade NAT (100.64/10) or missing address gives no such hint, and the first source latches.
     */
    private boolean plausible(InetSocketAddress source) {
        if (expected == null || expected.isUnresolved()) {
            return true;
        }
        var sdp = expected.getAddress();
        if (sdp.isAnyLocalAddress() || sdp.isSiteLocalAddress() || sdp.isLoopbackAddress()
                || sdp.isLinkLocalAddress() || carrierGradeNat(sdp.getAddress())) {
            return true;
        }
        return sdp.equals(source.getAddress());
    }

    private static boolean carrierGradeNat(byte[] a) {
        return a.length == 4 && (a[0] & 0xFF) == 100 && (a[1] & 0xC0) == 64;
    }

    /** Where to send: the latched address, else the negotiated one if it is usable. */
    public Optional<InetSocketAddress> target() {
        if (latched != null) {
            return Optional.of(latched);
        }
        if (expected == null || expected.getPort() == 0 || expected.isUnresolved()
                || expected.getAddress().isAnyLocalAddress()) {
            return Optional.empty();
        }
        return Optional.of(expected);
    }

    /** Same as {@link #target} but null when there is none; for the packet path, which must not allocate. */
    InetSocketAddress targetOrNull() {
        if (latched != null) {
            return latched;
        }
        if (expected == null || expected.getPort() == 0 || expected.isUnresolved()
                || expected.getAddress().isAnyLocalAddress()) {
            return null;
        }
        return expected;
    }

    /** The latched address, if any. */
    public Optional<InetSocketAddress> latched() {
        return Optional.ofNullable(latched);
    }

    /** Packets refused so far. */
    public long dropped() {
        return dropped.get();
    }
}
