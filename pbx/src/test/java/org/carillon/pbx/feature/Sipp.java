package org.carillon.pbx.feature;

import org.carillon.platform.testing.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian package {@code sip-tester}) against the PBX on loopback with its own SIP, media and control
 * ports, a global {@code -timeout} and a hard deadline. A missing sipp fails the test (never skips).
 */
public final class Sipp {
    /** Exit code and screen output of one run. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Sipp() {
    }

    public static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(":")) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("sipp not found on PATH: install the Debian package sip-tester");
    }

    /**
     * Runs a scenario under {@code /sipp} of the test resources.
     *
     * @param localPort SIPp's own SIP port (reuse it to keep the same Contact across runs)
     */
    public static Result run(String scenario, int pbxPort, int localPort, List<String> extra) {
        try {
            Path dir = Files.createTempDirectory("sipp");
            List<String> cmd = new ArrayList<>(List.of(binary().toString(), "-sf", scenario(scenario),
                    "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(TestPorts.udpBlock(4)),
                    "-cp", Integer.toString(TestPorts.udp()), "-nostdin", "-timeout", "20s", "-timeout_error",
                    "-trace_err", "-m", "1"));
            cmd.addAll(extra);
            cmd.add("127.0.0.1:" + pbxPort);
            Path log = dir.resolve("sipp.out");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "killed after 40 s\n" + Files.readString(log));
            }
            StringBuilder out = new StringBuilder(Files.readString(log));
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith("_errors.log")).toList()) {
                    out.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
                }
            }
            return new Result(p.exitValue(), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String scenario(String name) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
