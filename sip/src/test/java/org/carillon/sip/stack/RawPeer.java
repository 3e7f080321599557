package org.carillon.sip.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A raw UDP socket on loopback that sends text and reads datagrams, with a 5 s read limit. */
final class RawPeer implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final DatagramSocket socket;

    RawPeer() {
        try {
            socket = new DatagramSocket(0, LOOPBACK);
            socket.setSoTimeout(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String text, int port) {
        send(text.getBytes(StandardCharsets.UTF_8), port);
    }

    void send(byte[] bytes, int port) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String receive() {
        return receive(5_000).orElseThrow(() -> new AssertionError("nothing received within 5 s"));
    }

    /** The next datagram, or empty if none arrives within {@code millis}. */
    Optional<String> receive(int millis) {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout(millis);
            socket.receive(p);
            return Optional.of(new String(buf, 0, p.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** Reads one SIP message (headers and Content-Length body) from a stream, or null at EOF. */
    static String readMessage(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.isEmpty() ? null : head.toString();
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static String options(String branch, int fromPort, String transport) {
        return "OPTIONS sip:ping@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + fromPort + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=t" + branch + "\r\n"
                + "To: <sip:ping@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@test\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
