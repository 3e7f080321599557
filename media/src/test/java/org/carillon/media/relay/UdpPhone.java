package org.carillon.media.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** A test "phone": a plain UDP socket on 127.0.0.1 (OS-chosen port) that sends and receives raw RTP. */
final class UdpPhone implements AutoCloseable {

    private final DatagramSocket socket;
    private int seq;

    UdpPhone() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends an RTP packet with a 12-byte header and {@code payload} to {@code port} on loopback. */
    void sendRtp(int port, boolean marker, int pt, int ssrc, int timestamp, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq++).putInt(timestamp)
                .putInt(ssrc).put(payload);
        send(port, b.array());
    }

    void send(int port, byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, or empty after {@code timeoutMillis}. */
    Optional<byte[]> receive(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            byte[] buf = new byte[2048];
            var p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            return Optional.of(java.util.Arrays.copyOf(buf, p.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram that is RTP (RTCP reports are skipped). */
    byte[] receiveRtp() {
        for (int i = 0; i < 10; i++) {
            byte[] p = receive(2000).orElseThrow(() -> new AssertionError("no RTP within 2 s"));
            int pt = p[1] & 0xFF;
            if (pt < 200 || pt > 204) {
                return p;
            }
        }
        throw new AssertionError("only RTCP received");
    }

    @Override
    public void close() {
        socket.close();
    }
}
