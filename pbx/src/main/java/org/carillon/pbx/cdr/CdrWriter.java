package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallEnded;
import org.carillon.pbx.call.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores every finished call as it ends, committed before the call is gone, so a restart loses no history of calls
 * already over.
 *
 * <p>Group commit: the ending call's thread (its own virtual thread) queues the record and waits until it is
 * committed; one writer thread gathers the records of calls ending within {@value #GATHER_MS} ms of the first and
 * inserts them in one transaction (at most {@value #MAX_BATCH}). One commit per call cost far more than the insert
 * itself (H2 writes a new chunk of its store on every commit: ~30 % of the PBX's CPU at 300 calls/s, and the calls
 * queued for the 10 pooled connections under load); only the ending call waits, after its last SIP message.
 * The queue is bounded ({@value #QUEUE_CAPACITY}): when the writer is that far behind (a stalled database), an
 * ending call writes its own row, so the connection pool, not the heap, holds the backlog.
 */
@Component
public class CdrWriter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CdrWriter.class);
    static final int MAX_BATCH = 256;
    static final long GATHER_MS = 100;
    static final int QUEUE_CAPACITY = 8 * MAX_BATCH;
    /** How long an ending call waits for its commit before it goes on (the record is still written later). */
    private static final long WAIT_SECONDS = 10;

    private final CdrStore store;
    private final TransactionTemplate tx;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private volatile Thread writer;

    private record Pending(CallRecord record, CompletableFuture<Void> done) {
    }

    public CdrWriter(CdrStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    /** A call ended: stores its record before the call's thread goes on ({@link #onEnded(CallRecord)}). */
    @EventListener
    public void onEnded(CallEnded ended) {
        onEnded(ended.record());
    }

    /** Queues the record and blocks the calling thread (the call's) until it is committed or failed. */
    public void onEnded(CallRecord record) {
        var pending = new Pending(record, new CompletableFuture<>());
        boolean queued = writer != null && queue.offer(pending);
        if (queued && writer == null && queue.remove(pending)) { // stopped meanwhile: nobody will take it
            queued = false;
        }
        if (!queued) { // not started, stopped, or the writer is far behind: write on this thread
            write(List.of(pending));
            return;
        }
        try {
            pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // write() logged failures; a timeout leaves the record queued
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (writer == Thread.currentThread() || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MS);
                while (batch.size() < MAX_BATCH && writer != null) {
                    long left = until - System.nanoTime();
                    Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("call history writer: unexpected failure", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; if it fails, each record alone so one bad row loses no other. */
    private void write(List<Pending> batch) {
        try {
            tx.executeWithoutResult(s -> store.insertAll(batch.stream().map(Pending::record).toList()));
            batch.forEach(p -> p.done().complete(null));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.getFirst(), e);
                return;
            }
        }
        for (Pending p : batch) {
            try {
                store.insert(p.record());
                p.done().complete(null);
            } catch (RuntimeException e) {
                fail(p, e);
            }
        }
    }

    private static void fail(Pending p, RuntimeException e) {
        log.error("call {} not written to the history", p.record().id(), e);
        p.done().completeExceptionally(e);
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "cdr-writer");
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    /** Writes what is queued, then stops the writer (calls ending afterwards write on their own thread). */
    @Override
    public void stop() {
        Thread t = writer;
        writer = null;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Starts before the SIP server and stops after it, so every call that ends is written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
