/**
 * SIP transport layer (RFC 3261 §18) on Netty: UDP and TCP listening on one port, stream
 * framing by Content-Length, connection reuse and idle timeouts, bounded outbound queues.
 * Knows bytes and addresses only; parsing and RFC 3581 Via handling live in the stack.
 */
package org.carillon.sip.transport;
