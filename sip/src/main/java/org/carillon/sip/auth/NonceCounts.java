package org.carillon.sip.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonce-count replay detection (RFC 7616 §3.4: the server should check that nc increases) in
 * bounded memory: per nonce, the highest count seen and a 64-count window, so that requests
 * overtaking each other on UDP still pass while a repeated count is refused. At most
 * {@code capacity} nonces are tracked (least recently used evicted); a nonce not tracked is only
 * accepted with nc = 1, otherwise the client is sent a new nonce (stale). Thread-safe.
 */
final class NonceCounts {
    /** Outcome of recording a nonce count. */
    enum Result {
        /** First use of this count. */
        OK,
        /** This count was already used with this nonce. */
        REPLAY,
        /** The nonce is not tracked (evicted or never used) and the count is not 1. */
        UNKNOWN
    }

    private static final int WINDOW = 64;

    private final Map<String, long[]> seen; // nonce -> {highest, bitmap of highest-1 .. highest-64}

    NonceCounts(int capacity) {
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Result record(String nonce, long nc) {
        long[] w = seen.get(nonce);
        if (w == null) {
            if (nc != 1) {
                return Result.UNKNOWN;
            }
            seen.put(nonce, new long[] {1, 0});
            return Result.OK;
        }
        long highest = w[0];
        if (nc > highest) {
            long shift = nc - highest;
            w[1] = shift >= WINDOW ? 0 : (w[1] << shift) | (1L << (shift - 1));
            w[0] = nc;
            return Result.OK;
        }
        long back = highest - nc; // 0 = the highest itself
        if (back == 0 || back > WINDOW) {
            return Result.REPLAY;
        }
        long bit = 1L << (back - 1);
        if ((w[1] & bit) != 0) {
            return Result.REPLAY;
        }
        w[1] |= bit;
        return Result.OK;
    }

    synchronized int size() {
        return seen.size();
    }
}
