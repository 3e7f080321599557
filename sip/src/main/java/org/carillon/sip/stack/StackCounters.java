package org.carillon.sip.stack;

import org.carillon.sip.transport.TransportCounters;

/**
 * A snapshot of the stack's counters since start (totals, never reset).
 *
 * @param messagesIn              datagrams and framed stream messages received
 * @param messagesOut             messages written to the network (retransmissions included)
 * @param parseFailures           messages that did not parse, or whose routing headers were malformed
 * @param badRequestsAnswered     of those, requests answered with 400 (or 505/513/416)
 * @param retransmissionsOut      requests and responses this stack sent again (Timers A, E, G; re-ACKs)
 * @param retransmissionsIn       requests received again and absorbed by their server transaction
 * @param strayResponses          responses matching no client transaction
 * @param drops                   messages dropped: oversize, unframeable streams, full queues, send
 *                                failures, executor rejections, transaction-limit refusals
 * @param internalErrors          messages dropped because the stack itself failed on them (a bug; logged)
 * @param transport               the transport's own counters
 */
public record StackCounters(long messagesIn, long messagesOut, long parseFailures, long badRequestsAnswered,
        long retransmissionsOut, long retransmissionsIn, long strayResponses, long drops, long internalErrors,
        TransportCounters transport) {
}
