/**
 * A media leg: one peer's sockets, the SDP agreement and the receive pipeline (parse, latch, direction,
 * payload type, statistics, DTMF, taps, target), with every drop counted; plus address latching and the
 * no-RTP watchdog.
 */
package org.carillon.media.leg;
