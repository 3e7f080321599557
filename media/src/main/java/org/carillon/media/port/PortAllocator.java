package org.carillon.media.port;

import java.util.BitSet;
import java.util.Optional;

/**
 * Hands out RTP/RTCP port pairs from a configured range, e.g. 10000..20000. Pairs are given round-robin
 * so a port just released is the last to be reused (late packets of the previous call then meet a closed
 * socket rather than a new call). Bounded by the range: never more pairs out than fit in it.
 *
 * <p>Thread-safe (calls are set up on many call threads); not on the packet path.
 */
public final class PortAllocator {

    private final int first;
    private final int pairs;
    private final BitSet used;
    private int cursor;
    private int inUse;

    /**
     * @param min lowest port of the range (rounded up to even)
     * @param max highest port of the range (inclusive; a pair must fit entirely)
     * @throws IllegalArgumentException if the range holds no pair or lies outside 1024..65535
     */
    public PortAllocator(int min, int max) {
        int start = (min + 1) & ~1;
        if (start < 1024 || max > 65535 || max < start + 1) {
            throw new IllegalArgumentException("port range " + min + ".." + max + " holds no RTP/RTCP pair");
        }
        this.first = start;
        this.pairs = (max - start + 1) / 2;
        this.used = new BitSet(pairs);
    }

    /** The next free pair, or empty when every pair is taken. */
    public synchronized Optional<PortPair> allocate() {
        if (inUse == pairs) {
            return Optional.empty();
        }
        int i = used.nextClearBit(cursor);
        if (i >= pairs) {
            i = used.nextClearBit(0);
        }
        used.set(i);
        inUse++;
        cursor = (i + 1) % pairs;
        return Optional.of(new PortPair(first + 2 * i));
    }

    /**
     * The next free pair.
     *
     * @throws PortRangeExhaustedException when every pair is taken
     */
    public PortPair require() {
        return allocate().orElseThrow(() -> new PortRangeExhaustedException(
                "all " + pairs + " RTP port pairs from " + first + " are in use"));
    }

    /**
     * Returns {@code pair} to the pool.
     *
     * @throws IllegalArgumentException if the pair is not from this range or not currently allocated
     */
    public synchronized void release(PortPair pair) {
        int i = (pair.rtp() - first) / 2;
        if (pair.rtp() < first || i >= pairs || !used.get(i)) {
            throw new IllegalArgumentException("port pair " + pair + " was not allocated here");
        }
        used.clear(i);
        inUse--;
    }

    /** Pairs currently allocated. */
    public synchronized int inUse() {
        return inUse;
    }

    /** Pairs in the range. */
    public int capacity() {
        return pairs;
    }
}
