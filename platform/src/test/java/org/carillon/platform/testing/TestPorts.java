package org.carillon.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one port plan of the PBX and portal tests (loopback only): every port a test hands to a peer (SIPp, baresip,
 * a packaged PBX) comes from here. Ports are taken from a window between the PBX's default RTP range (10000-20000)
 * and the OS's ephemeral range (32768+ on Linux, read from {@code /proc}), walking forward from a per-process
 * starting point and never handing out the same port twice in a row of the window.
 *
 * <p>Why not "bind port 0, close, hand the number on": a port the OS just chose is the port it chooses next for
 * somebody else (an outgoing connection, the next probe), so between the probe and the peer's own bind another socket
 * took it often enough to fail CI (baresip's control port was the TLS port of the same baresip). Ports below the
 * ephemeral range are only ever taken by an explicit bind, and the forward walk keeps two requests in one run apart.
 * Each block is probed (bound and released) before it is handed out, so a port some other program holds is skipped.
 */
public final class TestPorts {
    private static final int FIRST = 20_100;
    private static final int END = windowEnd();
    private static int next = FIRST + (int) (ProcessHandle.current().pid() * 7919 % ((END - FIRST) / 2)) * 2;

    private TestPorts() {
    }

    /** A port free for UDP (SIPp's SIP port, a registering phone's source). */
    public static int udp() {
        return take(1, true, false);
    }

    /** A port free for TCP (an HTTP port, baresip's control socket). */
    public static int tcp() {
        return take(1, false, true);
    }

    /** A port free for both UDP and TCP (the PBX's SIP port). */
    public static int udpAndTcp() {
        return take(1, true, true);
    }

    /** The first of {@code count} consecutive ports free for UDP (RTP blocks, SIPp media). */
    public static int udpBlock(int count) {
        return take(count, true, false);
    }

    /** p with p and p+1 free for UDP and TCP (baresip: SIP on p, SIP over TLS on p+1). */
    public static int sipPair() {
        return take(2, true, true);
    }

    private static synchronized int take(int count, boolean udp, boolean tcp) {
        for (int tries = 0; tries < (END - FIRST) / 2; tries++) {
            int first = next;
            next += count + (count & 1); // blocks start on even ports (RTP)
            if (next + 8 >= END) {
                next = FIRST;
            }
            if (first + count < END && free(first, count, udp, tcp)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free consecutive ports in " + FIRST + "-" + END);
    }

    private static boolean free(int first, int count, boolean udp, boolean tcp) {
        List<AutoCloseable> held = new ArrayList<>();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try {
            for (int p = first; p < first + count; p++) {
                if (udp) {
                    held.add(new DatagramSocket(p, lo));
                }
                if (tcp) {
                    held.add(new ServerSocket(p, 1, lo));
                }
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            for (AutoCloseable s : held) {
                try {
                    s.close();
                } catch (Exception ignored) {
                    // a probe socket: nothing to release beyond it
                }
            }
        }
    }

    /** Below the OS's ephemeral range, which on Linux starts at the first number of ip_local_port_range. */
    private static int windowEnd() {
        int end = 32_700;
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        // read as a stream: Files.readString trusts the size /proc reports and returns one character
        try (var in = Files.isReadable(range) ? Files.newInputStream(range) : null) {
            if (in != null) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                end = Math.min(end, Integer.parseInt(text.trim().split("\\s+")[0]) - 1);
            }
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(new IOException("cannot read " + range, e));
        }
        if (end - FIRST < 2_000) {
            throw new IllegalStateException("the ephemeral port range starts at " + (end + 1) + ": the tests need "
                    + FIRST + "-" + (FIRST + 2_000) + " outside it (sysctl net.ipv4.ip_local_port_range)");
        }
        return end;
    }
}
