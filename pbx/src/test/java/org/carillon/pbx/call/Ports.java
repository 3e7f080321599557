package org.carillon.pbx.call;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port plan of the call tests (loopback only). Fixed blocks sit between the PBX's RTP range (10000-20000) and the
 * OS's ephemeral range (32768+), so OS-chosen ports never land in them: SIPp media 21000-21999 (4 per instance:
 * audio and video RTP/RTCP), SIPp control 22000-22999, baresip RTP 23000-23999 (20 each). SIP ports (PBX, SIPp,
 * baresip) are OS-chosen.
 */
final class Ports {
    private static int nextRtp = 23000;
    private static int nextSippMedia = 21000;
    private static int nextSippControl = 22000;

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

    static synchronized int rtpBlock() {
        int p = nextRtp;
        nextRtp = nextRtp + 20 >= 24000 ? 23000 : nextRtp + 20;
        return p;
    }

    /** A SIPp media base port (SIPp uses it and the next three). */
    static synchronized int sippMedia() {
        int p = nextSippMedia;
        nextSippMedia = nextSippMedia + 4 >= 22000 ? 21000 : nextSippMedia + 4;
        return p;
    }

    static synchronized int sippControl() {
        int p = nextSippControl;
        nextSippControl = nextSippControl + 1 >= 23000 ? 22000 : nextSippControl + 1;
        return p;
    }

    static int tcp() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
