package org.carillon.sip.transaction;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.carillon.sip.clock.SipScheduler;

/**
 * What the four machines share: the state, named timers armed through the injected scheduler,
 * and a lock. Every public method of a machine holds the machine's monitor, so events from the
 * network (event loop), timers (timer thread) and the TU (application threads) are serialised.
 * Callbacks run under that monitor and must only hand work off (they do: send bytes or submit to
 * an executor).
 */
abstract class TransactionMachine {

    /** Timer names as RFC 3261 Table 4 and RFC 6026 give them. */
    enum Timer { A, B, D, E, F, G, H, I, J, K, L, M, TRYING_100, TU_GUARD }

    protected final SipScheduler scheduler;
    protected final TimerConfig timers;
    protected final boolean reliable;
    private final Map<Timer, SipScheduler.Timeout> armed = new EnumMap<>(Timer.class);
    private TransactionState state;

    TransactionMachine(SipScheduler scheduler, TimerConfig timers, boolean reliable, TransactionState initial) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.reliable = reliable;
        this.state = initial;
    }

    /** The current state. */
    public final synchronized TransactionState state() {
        return state;
    }

    protected final TransactionState current() {
        return state;
    }

    /** Moves to {@code next}; entering TERMINATED cancels every timer and calls {@link #onTerminated()}. */
    protected final void enter(TransactionState next) {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        state = next;
        if (next == TransactionState.TERMINATED) {
            armed.values().forEach(SipScheduler.Timeout::cancel);
            armed.clear();
            onTerminated();
        }
    }

    /** Arms {@code timer}, replacing an armed one of the same name; a zero delay fires at once. */
    protected final void arm(Timer timer, Duration delay) {
        cancel(timer);
        if (delay.isZero()) {
            fire(timer);
            return;
        }
        armed.put(timer, scheduler.schedule(delay, () -> {
            synchronized (this) {
                if (armed.remove(timer) != null && state != TransactionState.TERMINATED) {
                    fire(timer);
                }
            }
        }));
    }

    protected final void cancel(Timer timer) {
        SipScheduler.Timeout t = armed.remove(timer);
        if (t != null) {
            t.cancel();
        }
    }

    /** Called under the monitor when an armed timer expires. */
    protected abstract void fire(Timer timer);

    /** Called under the monitor once, on entering TERMINATED. */
    protected abstract void onTerminated();
}
