package org.carillon.bench.media.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link CarillonRelayMain} in a child JVM (same class path) and drives it over its stdin/stdout. */
final class CarillonRelay implements RelayUnderTest {

    private final Process process;
    private final BufferedReader from;
    private final PrintStream to;

    /** @param jvmOptions extra options for the relay JVM, space-separated (e.g. "-Xmx1g") */
    CarillonRelay(int firstPort, int lastPort, String jvmOptions, boolean ownSession, File log) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>(List.of(javaBin, "--enable-native-access=ALL-UNNAMED"));
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                CarillonRelayMain.class.getName(), Integer.toString(firstPort), Integer.toString(lastPort)));
        process = new ProcessBuilder(RelayUnderTest.inOwnSession(ownSession, command))
                .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        from = new BufferedReader(new InputStreamReader(process.getInputStream()));
        to = new PrintStream(process.getOutputStream(), true);
    }

    @Override
    public String name() {
        return "carillon";
    }

    @Override
    public int[][] connect(int[] aPorts, int[] bPorts) throws Exception {
        int[][] targets = new int[2][aPorts.length];
        for (int c = 0; c < aPorts.length; c++) {
            to.println("CALL " + aPorts[c] + " " + bPorts[c]);
            String[] w = expect("LEG").split(" ");
            targets[0][c] = Integer.parseInt(w[1]);
            targets[1][c] = Integer.parseInt(w[2]);
        }
        return targets;
    }

    private String expect(String prefix) throws Exception {
        String line = from.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("relay answered " + line + " (expected " + prefix + ")");
        }
        return line;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void mark() throws Exception {
        to.println("MARK");
        expect("MARKED");
    }

    @Override
    public String memory(double seconds) throws Exception {
        to.println("STATS");
        String stats = expect("STATS");
        long alloc = field(stats, "alloc_bytes");
        return String.format("heap_used_mb=%.1f heap_committed_mb=%.1f garbage_mb_per_s=%.2f gc_ms=%d gc_count=%d "
                        + "relay_dropped=%d rss_mb=%.1f", field(stats, "heap_used") / 1e6,
                field(stats, "heap_committed") / 1e6, alloc / 1e6 / seconds, field(stats, "gc_ms"),
                field(stats, "gc_count"), field(stats, "relay_dropped"), ProcStat.rssBytes(pid()) / 1e6);
    }

    static long field(String line, String name) {
        for (String kv : line.split(" ")) {
            if (kv.startsWith(name + "=")) {
                return Long.parseLong(kv.substring(name.length() + 1));
            }
        }
        return -1;
    }

    @Override
    public void close() {
        to.println("QUIT");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
