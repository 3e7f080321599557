package org.carillon.sip.transaction;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Bytes the current thread allocates per run of a piece of code, for the tests that keep per-call garbage low (issue
 * 6). The same meter as the pbx tests' {@code Garbage}: modules share no test code (ARCHITECTURE.md's module graph).
 */
final class Garbage {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Garbage() {
    }

    /**
     * Runs {@code code} {@code warmup} times (so the JIT has compiled it), then {@code runs} times measured. Each
     * result is kept until the next one, so what is measured is not optimised away.
     *
     * @return bytes this thread allocated per measured run
     */
    static long perRun(int warmup, int runs, Supplier<?> code) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = code.get();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < runs; i++) {
            sink = code.get();
        }
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        Objects.requireNonNull(sink, "the code measured returned nothing");
        return bytes / runs;
    }
}
