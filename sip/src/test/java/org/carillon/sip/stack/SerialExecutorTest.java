package org.carillon.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksInOrderAndNeverTwoAtOnceOnAConcurrentExecutor() throws Exception {
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            SerialExecutor serial = new SerialExecutor(vt);
            List<Integer> order = new ArrayList<>(); // unsynchronised on purpose: serial execution makes it safe
            AtomicInteger running = new AtomicInteger();
            ConcurrentLinkedQueue<String> overlaps = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(10_000);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                serial.execute(() -> {
                    if (running.incrementAndGet() != 1) {
                        overlaps.add("overlap at " + n);
                    }
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).isEmpty();
            assertThat(order).hasSize(10_000).isSorted();
        }
    }
}
