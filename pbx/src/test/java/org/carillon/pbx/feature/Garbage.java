package org.carillon.pbx.feature;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates per run of a piece of code, for the tests that keep hot paths' garbage low. */
public final class Garbage {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Garbage() {
    }

    /** Runs {@code code} {@code warmup} times (so the JIT has compiled it), then {@code runs} times measured. */
    public static long perRun(int warmup, int runs, Runnable code) {
        for (int i = 0; i < warmup; i++) {
            code.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < runs; i++) {
            code.run();
        }
        return (THREADS.getCurrentThreadAllocatedBytes() - before) / runs;
    }
}
