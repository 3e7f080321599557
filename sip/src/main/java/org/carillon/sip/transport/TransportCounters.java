package org.carillon.sip.transport;

/**
 * A snapshot of transport counters since start; all counts are totals, never reset.
 *
 * @param received         datagrams and framed stream messages handed to the listener
 * @param sent             messages written to the network
 * @param oversizeDrops    datagrams over the size limit, dropped unread
 * @param unframeable      streams closed because they could not be framed
 * @param sendDrops        sends refused: queue over its high-water mark, no route, or I/O failure
 * @param keepAlives       RFC 5626 CRLF pings answered
 * @param connectionsOpened TCP connections accepted or opened
 * @param connectionsRefused TCP connections refused over the connection limit
 * @param connectionsIdleClosed TCP connections closed by the idle timeout
 * @param sendWaits        times a sender of a burst waited in {@link NettyTransport#awaitSendRoom} for the
 *                         send queue to drain below its low-water mark
 */
public record TransportCounters(long received, long sent, long oversizeDrops, long unframeable, long sendDrops,
        long keepAlives, long connectionsOpened, long connectionsRefused, long connectionsIdleClosed, long sendWaits) {
}
