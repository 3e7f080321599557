/**
 * SIP transactions (RFC 3261 §17, amended by RFC 6026). The four state machines
 * ({@code InviteClientMachine}, {@code NonInviteClientMachine}, {@code InviteServerMachine},
 * {@code NonInviteServerMachine}) are package-private, generic over the message type and driven
 * only by an injected {@link org.carillon.sip.clock.SipScheduler}, so every timer (A–M) is tested
 * on a fake clock. {@link org.carillon.sip.transaction.TransactionLayer} holds the tables and the
 * matching rules; {@link org.carillon.sip.transaction.ServerTransaction} and
 * {@link org.carillon.sip.transaction.ClientTransaction} are what the transaction user sees.
 *
 * <p>Threads: each transaction serialises its events (network, timers, TU) on its own monitor
 * and only hands work off from there (bytes to the wire, callbacks to executors).
 */
package org.carillon.sip.transaction;
