package org.carillon.platform.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestGateTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void readsBeyondTheLimitWaitAndAreAdmittedInArrivalOrder() throws Exception {
        var gate = new RequestGate(1, LONG);
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread first = Thread.ofVirtual().start(() -> run(gate, "GET", (rq, rs) -> {
            order.add("first");
            started.countDown();
            await(release);
        }));
        started.await();
        Thread second = Thread.ofVirtual().start(() -> run(gate, "GET", (rq, rs) -> order.add("second")));
        awaitWaiting(gate, 1);
        Thread third = Thread.ofVirtual().start(() -> run(gate, "HEAD", (rq, rs) -> order.add("third")));
        awaitWaiting(gate, 2);
        assertThat(order).containsExactly("first");

        release.countDown();
        for (Thread t : List.of(first, second, third)) {
            assertThat(t.join(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(order).containsExactly("first", "second", "third");
        assertThat(gate.overflows()).isZero();
    }

    @Test
    void otherMethodsPassWhileAllTurnsAreTaken() throws Exception {
        var gate = new RequestGate(1, LONG);
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> run(gate, "GET", (rq, rs) -> {
            started.countDown();
            await(release);
        }));
        started.await();
        var posted = new CountDownLatch(1);
        run(gate, "POST", (rq, rs) -> posted.countDown());   // on this thread: it would hang here if gated
        assertThat(posted.getCount()).isZero();
        release.countDown();
        assertThat(reader.join(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aReadThatWaitedTooLongIsAdmittedAnywayAndCounted() throws Exception {
        var gate = new RequestGate(1, Duration.ZERO);
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> run(gate, "GET", (rq, rs) -> {
            started.countDown();
            await(release);
        }));
        started.await();
        var served = new CountDownLatch(1);
        run(gate, "GET", (rq, rs) -> served.countDown());
        assertThat(served.getCount()).isZero();
        assertThat(gate.overflows()).isEqualTo(1);
        release.countDown();
        assertThat(holder.join(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aTurnIsGivenBackWhenTheRequestFails() throws Exception {
        var gate = new RequestGate(1, LONG);
        assertThatThrownBy(() -> new RequestGate(0, LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate.doFilter(request("GET"), new MockHttpServletResponse(), (rq, rs) -> {
            throw new IllegalStateException("page failed");
        })).hasMessage("page failed");
        var served = new CountDownLatch(1);
        Thread next = Thread.ofVirtual().start(() -> run(gate, "GET", (rq, rs) -> served.countDown()));
        assertThat(served.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(next.join(Duration.ofSeconds(30))).isTrue();
    }

    private static void run(RequestGate gate, String method, FilterChain chain) {
        try {
            gate.doFilter(request(method), new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MockHttpServletRequest request(String method) {
        return new MockHttpServletRequest(method, "/invoices");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Spins until {@code n} reads queue at the gate (the semaphore's own count; no sleep). */
    private static void awaitWaiting(RequestGate gate, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gate.waiting() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw " + n + " waiting");
            }
            Thread.onSpinWait();
        }
    }
}
