package org.carillon.media.rtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single-writer counter: one thread (a leg's event loop) increments it, any thread may read it. Opaque
 * access makes the value visible without the fence a volatile write would cost on every packet.
 */
public final class Counter {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through VALUE
    private long value;

    /** Adds one. Call from the owning thread only. */
    public void increment() {
        VALUE.setOpaque(this, (long) VALUE.getOpaque(this) + 1);
    }

    /** Adds {@code n}. Call from the owning thread only. */
    public void add(long n) {
        VALUE.setOpaque(this, (long) VALUE.getOpaque(this) + n);
    }

    /** The current value; from any thread. */
    public long get() {
        return (long) VALUE.getOpaque(this);
    }
}
