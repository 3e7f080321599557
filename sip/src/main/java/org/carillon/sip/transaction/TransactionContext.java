package org.carillon.sip.transaction;

import org.carillon.sip.clock.SipScheduler;

/**
 * What every transaction needs from its surroundings.
 *
 * @param scheduler timers
 * @param timers    T1, T2, T4, D
 * @param wire      the way out
 * @param requestRetransmitted counts a request that matched a live server transaction (a retransmission)
 */
public record TransactionContext(SipScheduler scheduler, TimerConfig timers, MessageWire wire,
        Runnable requestRetransmitted) {
}
