package org.carillon.pbx.registrar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write-behind of bindings (soft state, SPEC §1): the registrar marks an extension dirty; every 250 ms one
 * transaction writes the difference between what is stored and what the registrar holds for all dirty extensions —
 * a refresh is an UPDATE of its row in place, a new contact an INSERT, a removed one a DELETE, in one JDBC batch each —
 * so the database sees at most a few writes a second per extension and a change is on disk within about 0.5 s (the
 * promise is 1 s). At start the valid rows are loaded back; at shutdown the last changes are flushed.
 *
 * <p>Threads: {@link #dirty} is called from any thread; flushing runs on one dedicated platform thread (its CPU
 * time is the "database work" the benchmark reports apart).
 */
@Component
public class BindingWriter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BindingWriter.class);
    static final long PERIOD_MS = 250;

    private final Registrar registrar;
    private final BindingStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    /**
     * What the database holds, per extension, as far as this writer knows: the lists it last wrote or loaded.
     * The bindings are the table's own immutable objects, so this costs a map entry per extension, not a copy.
     * Only touched under this object's monitor.
     */
    private final Map<Long, List<Binding>> written = new HashMap<>();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private volatile ScheduledExecutorService timer;

    public BindingWriter(Registrar registrar, BindingStore store, TransactionTemplate tx, Clock clock) {
        this.registrar = registrar;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        registrar.writeBehind(this::dirty);
    }

    void dirty(long extensionId) {
        dirty.add(extensionId);
    }

    @Override
    public void start() {
        store.deleteExpired(clock.instant());
        var loaded = store.loadValid(clock.instant());
        registrar.load(loaded);
        synchronized (this) {
            written.clear();
            loaded.stream().collect(java.util.stream.Collectors.groupingBy(Binding::extensionId))
                    .forEach((id, list) -> written.put(id, List.copyOf(list)));
        }
        if (!loaded.isEmpty()) {
            log.info("Registrar: {} bindings restored", loaded.size());
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binding-writer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flushQuietly, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Registrar: writing bindings failed, will retry", e);
        }
    }

    /** Writes every dirty extension now (tests call it instead of waiting). */
    public synchronized void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Map<Long, List<Binding>> batch = new HashMap<>();
        for (Long id : List.copyOf(dirty)) {
            dirty.remove(id);
            batch.put(id, registrar.stored(id));
        }
        List<Binding> gone = new ArrayList<>();
        List<Binding> changed = new ArrayList<>();
        List<Binding> added = new ArrayList<>();
        for (var e : batch.entrySet()) {
            diff(written.getOrDefault(e.getKey(), List.of()), e.getValue(), gone, changed, added);
        }
        try {
            tx.executeWithoutResult(s -> store.apply(gone, changed, added));
        } catch (RuntimeException e) {
            // what we believe is stored may be wrong (a row changed behind our back): rewrite these extensions whole
            log.info("Registrar: in-place write of {} extensions failed ({}); rewriting them", batch.size(),
                    e.toString());
            try {
                tx.executeWithoutResult(s -> store.replace(batch));
            } catch (RuntimeException again) {
                batch.keySet().forEach(written::remove);
                dirty.addAll(batch.keySet());
                throw again;
            }
        }
        batch.forEach((id, list) -> {
            if (list.isEmpty()) {
                written.remove(id);
            } else {
                written.put(id, list);
            }
        });
        flushes.incrementAndGet();
        rowsWritten.addAndGet(gone.size() + changed.size() + added.size());
        cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
    }

    /**
     * Sorts one extension's change into rows to delete, rows to update in place (a refresh keeps its contact) and
     * rows to insert; bindings whose stored columns did not move (a keep-alive mark) are not written.
     */
    static void diff(List<Binding> stored, List<Binding> now, List<Binding> gone, List<Binding> changed,
                     List<Binding> added) {
        for (Binding old : stored) {
            if (now.stream().noneMatch(b -> b.contact().equals(old.contact()))) {
                gone.add(old);
            }
        }
        for (Binding b : now) {
            Binding old = null;
            for (Binding s : stored) {
                if (s.contact().equals(b.contact())) {
                    old = s;
                    break;
                }
            }
            if (old == null) {
                added.add(b);
            } else if (old != b && !BindingStore.sameRow(old, b)) {
                changed.add(b);
            }
        }
    }

    /** Flushes, transactions, rows written and CPU time spent writing, since start. */
    public record Stats(long flushes, long rows, long cpuNanos, int pending) {
    }

    public Stats stats() {
        return new Stats(flushes.get(), rowsWritten.get(), cpuNanos.get(), dirty.size());
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flushQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Starts before the SIP server (bindings loaded before the first REGISTER) and stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
