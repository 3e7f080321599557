package org.carillon.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lets at most {@code limit} page reads (GET and HEAD) be worked on at once and admits the others in arrival order
 * (a fair semaphore), so a burst of reads is served first come, first served instead of all at once.
 *
 * <p>Why (issue 8, bench/portal): each request runs on its own virtual thread, and with many in flight on few cores
 * the virtual-thread scheduler interleaves all of them. A request that sent a query waits for its answer and then
 * for its turn behind every other runnable request while still holding its pooled connection (10 per app); the
 * portal's closed-loop p95 is ~3x its mean. With few requests admitted, an answered query should resume at once and
 * the waiting happen here, in order. Off unless configured ({@link RequestGateConfiguration}); the portal sets 8,
 * which cut its closed-loop p95 1.4-2.3x at the same throughput (bench/portal/README.md, 2026-11-27 21:17 UTC).
 *
 * <p>What it does not gate: other methods (a sign-in may wait out the login throttle, a checkout waits for the payment
 * gateway; both block their own virtual thread and must not hold back the pages) and anything but the first
 * dispatch of a request (asynchronous and error dispatches; an event stream's request returns at once). A request
 * that waited {@code maxWait} without a turn is admitted anyway and counted ({@link #overflows()}): a slow client
 * holding admitted requests can delay the others by at most that much, never shut them out.
 *
 * <p>Threads: thread-safe; called on each request's thread.
 */
public final class RequestGate implements Filter {
    private final Semaphore turns;
    private final long maxWaitNanos;
    private final LongAdder overflows = new LongAdder();

    /**
     * @param limit   page reads worked on at once, at least 1
     * @param maxWait how long a read waits for its turn before it is admitted regardless
     */
    public RequestGate(int limit, Duration maxWait) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.turns = new Semaphore(limit, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !read(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted;
        try {
            admitted = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a turn", e);
        }
        if (!admitted) {
            overflows.increment();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (admitted) {
                turns.release();
            }
        }
    }

    /** Reads admitted without a turn because they waited {@code maxWait}, since start. */
    public long overflows() {
        return overflows.sum();
    }

    /** Reads waiting for a turn now (an estimate, for tests and diagnostics). */
    public int waiting() {
        return turns.getQueueLength();
    }

    private static boolean read(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
