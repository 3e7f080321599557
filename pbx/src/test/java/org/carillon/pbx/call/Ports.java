package org.carillon.pbx.call;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port plan of the call tests (loopback only): the PBX takes SIP on an OS-chosen port and RTP from its default
 * 10000-20000; baresip instances take SIP pairs found free here and RTP from 41000 up (20 each); SIPp instances take
 * OS-chosen SIP and media ports above 20000.
 */
final class Ports {
    private static int nextRtp = 41000;

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
        nextRtp += 20;
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
