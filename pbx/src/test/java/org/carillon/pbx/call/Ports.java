package org.carillon.pbx.call;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port plan of the call tests (loopback only). The PBX's RTP range is its default 10000-20000; everything else is
 * found free at the moment it is needed — the machine is shared, and benchmarks sweep whole ranges of UDP ports — by
 * taking an OS-chosen port and probing that the block after it is free too: SIPp media (4 ports: audio and video
 * RTP/RTCP), SIPp control (1), baresip RTP (20), baresip SIP (a UDP+TCP port and the TLS port after it). A port
 * taken between the probe and the peer's bind fails that test loudly (the peer reports the bind error).
 */
final class Ports {
    private Ports() {
    }

    /** A port p with p (UDP and TCP) and p+1 (TCP, baresip's TLS) free right now. */
    static int sipPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket u = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int p = u.getLocalPort();
                if (p > 60000) {
                    continue;
                }
                try (ServerSocket t = new ServerSocket(p, 1, InetAddress.getLoopbackAddress());
                     ServerSocket tls = new ServerSocket(p + 1, 1, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                // try another
            }
        }
        throw new IllegalStateException("no free SIP port pair");
    }

    /** The first of 20 free UDP ports for a baresip's RTP. */
    static int rtpBlock() {
        return udpBlock(20);
    }

    /** A SIPp media base port (SIPp uses it and the next three). */
    static int sippMedia() {
        return udpBlock(4);
    }

    static int sippControl() {
        return udpBlock(1);
    }

    /** The first of {@code count} consecutive free UDP ports, starting at an even OS-chosen port below 60000. */
    private static int udpBlock(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                p = probe.getLocalPort() & ~1;
            } catch (IOException e) {
                continue;
            }
            if (p > 1024 && p + count < 60000 && udpFree(p, count)) {
                return p;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports");
    }

    private static boolean udpFree(int first, int count) {
        java.util.List<DatagramSocket> held = new java.util.ArrayList<>();
        try {
            for (int p = first; p < first + count; p++) {
                held.add(new DatagramSocket(p, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    static int tcp() {
        return org.carillon.pbx.feature.Sipp.freeTcpPort();
    }
}
