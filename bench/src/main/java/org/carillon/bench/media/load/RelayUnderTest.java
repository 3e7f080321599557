package org.carillon.bench.media.load;

/**
 * A media relay the benchmark drives: given the generator's A and B socket ports of every call, it sets up
 * the calls and says where each side must send. Runs in its own process, whose CPU time is read from /proc.
 */
interface RelayUnderTest extends AutoCloseable {

    /** Where the A sides ({@code [0][call]}) and the B sides ({@code [1][call]}) must send, as relay ports. */
    int[][] connect(int[] aPorts, int[] bPorts) throws Exception;

    /** The process whose CPU time counts. */
    long pid();

    /** Marks the start of the measured window (heap/garbage counters). */
    void mark() throws Exception;

    /**
     * Memory figures at the end of the window, as "key=value" pairs: for a JVM heap used, garbage per second
     * and GC time; for a native process its resident set.
     */
    String memory(double seconds) throws Exception;

    String name();

    @Override
    void close();

    /**
     * {@code command} prefixed with {@code setsid} when asked: the relay then runs in its own session, which on
     * a kernel with autogroup scheduling ({@code /proc/sys/kernel/sched_autogroup_enabled}) is its own CPU
     * group instead of sharing the generator's. setsid execs in place (the child is no group leader), so the
     * process id stays the relay's.
     */
    static java.util.List<String> inOwnSession(boolean ownSession, java.util.List<String> command) {
        if (!ownSession || !java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid"))) {
            return command;
        }
        var out = new java.util.ArrayList<String>(command.size() + 1);
        out.add("/usr/bin/setsid");
        out.addAll(command);
        return out;
    }
}
