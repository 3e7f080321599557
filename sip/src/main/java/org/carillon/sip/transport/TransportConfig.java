package org.carillon.sip.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the UDP and TCP listening point.
 *
 * @param address           local address to bind (e.g. 127.0.0.1, or 0.0.0.0 for all)
 * @param port              SIP port for both UDP and TCP; 0 picks a free one shared by both
 * @param maxMessageBytes   largest message accepted, in bytes (UDP datagrams and framed TCP messages)
 * @param maxHeaderBytes    largest header section accepted on streams, in bytes
 * @param mtu               path MTU in bytes; requests over {@code mtu - 200} go by TCP (RFC 3261 §18.1.1)
 * @param idleTimeout       a TCP connection with no traffic either way for this long is closed
 * @param maxConnections    TCP connections beyond this are refused
 * @param writeHighWaterMark bytes queued on one channel above which sends to it are dropped
 * @param ioThreads         Netty event-loop threads; with epoll, also the number of UDP sockets
 *                          sharing the port (SO_REUSEPORT)
 */
public record TransportConfig(InetAddress address, int port, int maxMessageBytes, int maxHeaderBytes, int mtu,
        Duration idleTimeout, int maxConnections, int writeHighWaterMark, int ioThreads) {

    public TransportConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxMessageBytes < 1_024 || maxHeaderBytes < 256 || mtu < 576 || maxConnections < 1
                || writeHighWaterMark < 1_024 || ioThreads < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("transport limits out of range: " + this);
        }
    }

    /**
     * Defaults: 64 KiB messages (the UDP maximum), 16 KiB header sections, MTU 1500, 5 minute idle
     * timeout, 4096 connections, 256 KiB per-channel write queue, one I/O thread.
     */
    public static TransportConfig defaults(InetAddress address, int port) {
        return new TransportConfig(address, port, 65_535, 16_384, 1_500, Duration.ofMinutes(5), 4_096,
                256 * 1_024, 1);
    }

    /** A copy with another idle timeout. */
    public TransportConfig withIdleTimeout(Duration timeout) {
        return new TransportConfig(address, port, maxMessageBytes, maxHeaderBytes, mtu, timeout, maxConnections,
                writeHighWaterMark, ioThreads);
    }

    /** A copy with another message size limit. */
    public TransportConfig withMaxMessageBytes(int bytes) {
        return new TransportConfig(address, port, bytes, Math.min(maxHeaderBytes, bytes), mtu, idleTimeout,
                maxConnections, writeHighWaterMark, ioThreads);
    }

    /** A copy with another connection limit. */
    public TransportConfig withMaxConnections(int connections) {
        return new TransportConfig(address, port, maxMessageBytes, maxHeaderBytes, mtu, idleTimeout, connections,
                writeHighWaterMark, ioThreads);
    }

    /** A copy with another per-channel write queue bound, in bytes. */
    public TransportConfig withWriteHighWaterMark(int bytes) {
        return new TransportConfig(address, port, maxMessageBytes, maxHeaderBytes, mtu, idleTimeout, maxConnections,
                bytes, ioThreads);
    }

    /** A copy with another number of I/O threads (and, with epoll, UDP sockets). */
    public TransportConfig withIoThreads(int threads) {
        return new TransportConfig(address, port, maxMessageBytes, maxHeaderBytes, mtu, idleTimeout, maxConnections,
                writeHighWaterMark, threads);
    }

    /** Size above which a request must not go by UDP (RFC 3261 §18.1.1). */
    public int udpRequestLimit() {
        return mtu - 200;
    }
}
