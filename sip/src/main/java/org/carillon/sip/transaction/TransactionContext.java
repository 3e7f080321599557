package org.carillon.sip.transaction;

import org.carillon.sip.clock.SipScheduler;

/**
 * What every transaction needs from its surroundings.
 *
 * @param scheduler timers
 * @param timers    T1, T2, T4, D
 * @param wire      the way out
 * @param requestRetransmitted counts a request that matched a live server transaction (a retransmission)
 * @param maxServerTransactions server transactions not yet answered beyond which new requests are
 *                              refused (503), and also the most completed non-INVITE ones kept for
 *                              Timer J on UDP (the oldest is dropped beyond it): bounds memory under a flood
 */
public record TransactionContext(SipScheduler scheduler, TimerConfig timers, MessageWire wire,
        Runnable requestRetransmitted, int maxServerTransactions) {

    /** Default bound on live server transactions. */
    public static final int DEFAULT_MAX_SERVER_TRANSACTIONS = 200_000;

    public TransactionContext {
        if (maxServerTransactions < 1) {
            throw new IllegalArgumentException("maxServerTransactions must be positive");
        }
    }

    /** With {@link #DEFAULT_MAX_SERVER_TRANSACTIONS}. */
    public TransactionContext(SipScheduler scheduler, TimerConfig timers, MessageWire wire,
            Runnable requestRetransmitted) {
        this(scheduler, timers, wire, requestRetransmitted, DEFAULT_MAX_SERVER_TRANSACTIONS);
    }
}
