package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.Sipp;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SIPp instance of the call tests, running in the background with its own SIP port and media and control ports
 * from {@link Ports}, a global {@code -timeout} and a hard kill. Scenarios are under {@code /sipp/call}.
 */
final class SippPeer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Path dir;
    private final int port;

    private SippPeer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("sipp.out");
    }

    static SippPeer start(String scenario, int pbxPort, int localPort, List<String> extra) throws IOException {
        return start(scenario, pbxPort, localPort, extra, Duration.ofSeconds(20));
    }

    /** As above, with SIPp's global {@code -timeout} at {@code timeout}: for a peer that lives through a whole call. */
    static SippPeer start(String scenario, int pbxPort, int localPort, List<String> extra, Duration timeout)
            throws IOException {
        Path dir = Files.createTempDirectory("sipp-call");
        List<String> cmd = new ArrayList<>(List.of(Sipp.binary().toString(), "-sf", scenario(scenario),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(TestPorts.udpBlock(4)),
                "-cp", Integer.toString(TestPorts.udp()), "-nostdin", "-timeout", timeout.toSeconds() + "s",
                "-timeout_error", "-trace_err", "-m", "1"));
        cmd.addAll(extra);
        cmd.add("127.0.0.1:" + pbxPort);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        return new SippPeer(p, dir, localPort);
    }

    /**
     * Waits until SIPp holds its UDP port, so a request sent to it is not lost to an ICMP "port unreachable" on a busy
     * machine (start a phone's scenario, then this, then whoever calls it).
     */
    SippPeer awaitBound() throws InterruptedException {
        Calls.await("SIPp listening on " + port, java.time.Duration.ofSeconds(10), () -> {
            try (var probe = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", port))) {
                return !process.isAlive();
            } catch (java.net.SocketException taken) {
                return true;
            }
        });
        return this;
    }

    /** Waits for the scenario to end. @return SIPp's exit code (0: every call succeeded), -1 when killed */
    int await() throws InterruptedException {
        return await(30);
    }

    /** Waits at most {@code seconds} for SIPp to finish (killing it after that): its exit code, or -1. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    String output() {
        StringBuilder out = new StringBuilder();
        try {
            out.append(Files.exists(log) ? Files.readString(log) : "");
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith("_errors.log")).toList()) {
                    out.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
                }
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    /** What the scenario logged with {@code <log>} (run it with {@code -trace_logs}); empty before anything. */
    String logs() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith("_logs.log")).toList()) {
                out.append(Files.readString(f));
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    private static String scenario(String name) {
        try {
            return Path.of(SippPeer.class.getResource("/sipp/call/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
