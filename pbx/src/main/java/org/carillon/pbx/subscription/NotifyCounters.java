package org.carillon.pbx.subscription;

/**
 * The notifier's NOTIFY counters since start (totals, never reset).
 *
 * @param sent            NOTIFYs handed to the stack (each a client transaction; its retransmissions are counted by
 *                        the stack)
 * @param failed          of those, NOTIFYs that got no 2xx: timeouts, transport errors, other final responses
 * @param timeouts        of the failures, Timer F (no answer at all, after every retransmission)
 * @param transportErrors of the failures, NOTIFYs the stack could not send (e.g. its send queue was full)
 * @param watchersDropped subscriptions ended because their watcher failed too often in a row or answered 481
 */
public record NotifyCounters(long sent, long failed, long timeouts, long transportErrors, long watchersDropped) {
}
