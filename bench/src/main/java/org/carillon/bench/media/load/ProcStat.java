package org.carillon.bench.media.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from Linux's {@code /proc/<pid>/stat} and {@code status}:
 * the same measure for the Carillon relay JVM and for rtpengine.
 */
final class ProcStat {

    /** USER_HZ: clock ticks per second of utime/stime; 100 on every mainstream Linux configuration. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** User + system CPU time of {@code pid} and all its threads so far, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) {
        try {
            return cpuNanosOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime of one {@code stat} line (a process's or a thread's), in nanoseconds. */
    private static long cpuNanosOf(String stat) {
        // the command name (field 2) may hold spaces: count fields from the closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 utime, 15 stime
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /**
     * CPU time of {@code pid}'s threads so far, in nanoseconds, grouped by thread name with digits replaced by
     * {@code #} (so "C2 CompilerThread0" and "...1" add up): shows how much of a JVM's CPU went to JIT or GC.
     */
    static java.util.Map<String, Long> cpuNanosByThread(long pid) {
        var out = new java.util.TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                out.merge(name, cpuNanosOf(stat), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The thread groups that used CPU between two {@link #cpuNanosByThread} snapshots, largest first, in ms. */
    static String threadDelta(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(4)
                .map(e -> "'" + e.getKey() + "':" + e.getValue() / 1_000_000 + "ms")
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Resident set size of {@code pid} in bytes. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
