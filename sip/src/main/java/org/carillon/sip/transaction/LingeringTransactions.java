package org.carillon.sip.transaction;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.carillon.sip.clock.SipScheduler;

/**
 * Transactions in a state whose only work left is to absorb retransmissions until a timer fires,
 * kept as their key and the little that state still needs instead of whole: non-INVITE server
 * transactions over UDP in RFC 3261 §17.2.2's Completed state until Timer J ({@link
 * CompletedTransactions}); INVITE transactions in RFC 6026's Accepted state, a server one (§7.1)
 * absorbing retransmitted INVITEs and keeping its merge key until Timer L, a client one (§7.2)
 * passing further 2xx up to its listener until Timer M (both 64·T1, 32 s by default); and INVITE
 * server transactions over UDP in §17.2.1's Confirmed state, absorbing ACKs and INVITEs until
 * Timer I (T4, 5 s).
 *
 * <p>Why: every answered call leaves INVITE transactions behind for 32 s, every REGISTER over UDP
 * a non-INVITE one. Whole, each held its parsed request, the bytes sent, its state machine and
 * its timers: at 700 calls/s some 45,000 live INVITE transactions, at 4,000 REGISTERs/s some
 * 300,000 non-INVITE ones, copied by every young collection and then promoted to the old
 * generation that concurrent cycles mark. An entry here is a map node, a queue node and a record.
 * The timers are one FIFO swept by one timer, not one timer per transaction: every entry of a
 * table gets the same lifetime, so insertion order is deadline order.
 *
 * <p>Bounded: beyond {@code bound} entries the oldest is forgotten early (a flood must not grow
 * the heap without end; what is lost is the absorbing of a retransmission 32 s old at most).
 *
 * <p>Threads: thread-safe and non-blocking (event loops look entries up; TU threads add them).
 *
 * @param <K> the transaction key
 * @param <V> what the state keeps besides the key
 */
final class LingeringTransactions<K, V> {

    private record Entry<K, V>(K key, V value, long deadline) {
    }

    private final SipScheduler scheduler;
    private final long lifetimeNanos;
    private final int bound;
    private final BiConsumer<K, V> expired;
    private final ConcurrentMap<K, Entry<K, V>> entries = new ConcurrentHashMap<>();
    private final Queue<Entry<K, V>> fifo = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweepArmed = new AtomicBoolean();

    /**
     * @param lifetime the state's timer (J, L, M or I)
     * @param bound    most entries kept
     * @param expired  told of each entry that ended (by its timer or early, beyond the bound)
     */
    LingeringTransactions(SipScheduler scheduler, Duration lifetime, int bound, BiConsumer<K, V> expired) {
        this.scheduler = scheduler;
        this.lifetimeNanos = lifetime.toNanos();
        this.bound = bound;
        this.expired = expired;
    }

    /** Keeps {@code value} under {@code key} for the lifetime, replacing an entry of the same key. */
    void add(K key, V value) {
        Entry<K, V> e = new Entry<>(key, value, scheduler.nanoTime() + lifetimeNanos);
        entries.put(key, e);
        fifo.add(e);
        if (entries.size() > bound) {
            synchronized (fifo) {
                while (entries.size() > bound) {
                    Entry<K, V> oldest = fifo.poll();
                    if (oldest == null) {
                        break;
                    }
                    forget(oldest);
                }
            }
        }
        armSweep();
    }

    /** What is kept under {@code key}, or null when no transaction of this table has it. */
    V get(K key) {
        Entry<K, V> e = entries.get(key);
        return e == null ? null : e.value();
    }

    int size() {
        return entries.size();
    }

    private void armSweep() {
        Entry<K, V> head = fifo.peek();
        if (head != null && sweepArmed.compareAndSet(false, true)) {
            long delay = Math.max(0, head.deadline() - scheduler.nanoTime());
            scheduler.schedule(Duration.ofNanos(delay), this::sweep);
        }
    }

    /** Ends every entry due; re-arms for the next one (checked again after the flag is cleared, so none is missed). */
    private void sweep() {
        long now = scheduler.nanoTime();
        synchronized (fifo) { // polls only under the lock, so the head peeked is the head polled
            for (Entry<K, V> e = fifo.peek(); e != null && e.deadline() - now <= 0; e = fifo.peek()) {
                fifo.poll();
                forget(e);
            }
        }
        sweepArmed.set(false);
        armSweep();
    }

    private void forget(Entry<K, V> e) {
        if (entries.remove(e.key(), e)) {
            expired.accept(e.key(), e.value());
        }
    }
}
