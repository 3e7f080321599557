package org.carillon.sip.stack;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian package {@code sip-tester}) as a UAC against a port on loopback. Every run
 * gets its own SIP, media and control ports so parallel instances never collide
 * (STACK-NOTES.md), a global {@code -timeout} and a hard process deadline.
 */
final class Sipp {

    /** What a run left behind. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Sipp() {
    }

    /** The sipp binary on PATH. @throws AssertionError if it is missing: these tests must not skip. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("sipp not found on PATH: install Debian package sip-tester");
    }

    /**
     * Runs {@code scenario} (a resource under /sipp) to {@code 127.0.0.1:port}.
     *
     * @param extra more SIPp options, e.g. {@code -t t1} for TCP or {@code -m 20 -r 20}
     */
    static Result run(String scenario, int port, List<String> extra) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sipp");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "-sf", scenarioPath(scenario),
                "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()), "-nostdin", "-timeout", "20s",
                "-timeout_error", "-s", "service"));
        cmd.addAll(mediaAndControlPorts());
        cmd.addAll(extra);
        cmd.add("127.0.0.1:" + port);
        Path log = dir.resolve("sipp.out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "killed after 30 s\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            deleteTree(dir);
        }
    }

    /** Removes a run's scratch directory (SIPp's output is kept in the Result). */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A started SIPp UAS (built-in {@code uas} scenario) on {@code port} that exits after one call. */
    record Uas(Process process, java.nio.file.Path log) {
        Result await() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, "killed after 30 s\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log));
            } finally {
                deleteTree(log.getParent());
            }
        }
    }

    static Uas startUas(int port) throws IOException {
        Path dir = Files.createTempDirectory("sipp-uas");
        Path log = dir.resolve("sipp.out");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(port), "-m", "1", "-nostdin", "-timeout", "20s", "-timeout_error"));
        cmd.addAll(mediaAndControlPorts());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Uas(p, log);
    }

    private static String scenarioPath(String name) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIPp's {@code -mp} and {@code -cp} values: SIPp binds audio RTP on mp and video on mp+2 (and
     * their RTCP neighbours), so the whole block mp..mp+3 must be free and the control port
     * outside it.
     */
    static List<String> mediaAndControlPorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int mp = freeUdpPort();
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int p = mp; p < mp + 4; p++) {
                    held.add(new DatagramSocket(p, InetAddress.getLoopbackAddress()));
                }
                int cp;
                do {
                    cp = freeUdpPort();
                } while (cp >= mp && cp < mp + 4);
                return List.of("-mp", Integer.toString(mp), "-cp", Integer.toString(cp));
            } catch (IOException taken) {
                // part of the block is in use: try another
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IOException("no free media port block");
    }

    /** A port free for UDP and TCP right now (small race with other processes, accepted in tests). */
    static int freeUdpPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket u = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int port = u.getLocalPort();
                if (port % 2 == 0 && port < 65_000) {
                    try (ServerSocket t = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no free port");
    }
}
