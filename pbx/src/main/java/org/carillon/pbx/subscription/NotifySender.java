package org.carillon.pbx.subscription;

import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transport.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends NOTIFYs (RFC 6665 §4.2.2) in client transactions on the stack, one in flight per subscription, and counts each
 * watcher's failures: a 2xx clears the count, a 481 ends the subscription at once (§4.2.2: the watcher no longer has
 * it), a timeout, transport error or other final response counts one failure and {@code maxFailures} in a row drop
 * the watcher. A failed NOTIFY that does not drop the watcher is sent again after {@link #retryDelay} (2 s, then 4 s…)
 * unless a change has sent the state meanwhile: otherwise the lamp would show the lost state until the next change,
 * which may be hours away. The body is built when the NOTIFY is sent, so it always carries the state current then.
 *
 * <p>Threads: thread-safe. {@link #send} never blocks on the network; responses arrive on the stack's executor.
 */
final class NotifySender {
    private static final Logger log = LoggerFactory.getLogger(NotifySender.class);
    /** Longest wait for room in the send queue before a NOTIFY of a round is handed over anyway. */
    static final Duration PACE_LIMIT = Duration.ofSeconds(1);
    /** Wait before the first resend of a failed NOTIFY; doubled for each further failure in a row. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private final Supplier<SipStack> stack;
    private final Clock clock;
    private final int maxFailures;
    private final Consumer<Subscription> dropped;
    private final SipScheduler retries;
    private final Executor threads;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder droppedWatchers = new LongAdder();

    /**
     * @param dropped told (once) when a subscription ends because its watcher failed or answered 481
     * @param retries times the resend of a failed NOTIFY
     * @param threads where a resend runs (it may wait for room in the send queue: never the scheduler's thread)
     */
    NotifySender(Supplier<SipStack> stack, Clock clock, int maxFailures, Consumer<Subscription> dropped,
                 SipScheduler retries, Executor threads) {
        this.stack = stack;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.dropped = dropped;
        this.retries = retries;
        this.threads = threads;
    }

    /** How long to wait before resending after {@code failures} failures in a row (1 → 2 s, 2 → 4 s…). */
    static Duration retryDelay(int failures) {
        return FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 6));
    }

    NotifyCounters counters() {
        return new NotifyCounters(sent.sum(), failed.sum(), timeouts.sum(), transportErrors.sum(),
                droppedWatchers.sum());
    }

    /**
     * Sends to each subscription in turn, as {@link #send} does, waiting before each one while the stack's send queue
     * towards its watcher is over half full (at most {@link #PACE_LIMIT} per NOTIFY). A round for one lamp hands a
     * thousand NOTIFYs (~1 MB) to the stack within milliseconds, faster than its event loop writes them while it also
     * reads the 200s; the queue is bounded (256 KiB), and what found it full was dropped and reported as a transport
     * error, so that watcher missed the state until the next change (issue 10). Paced, a round uses the lower half of
     * the queue and leaves the upper half to calls' signalling.
     *
     * <p>Threads: blocks the calling thread while it waits; call it from a virtual thread, never an event loop.
     */
    void sendAll(Collection<Subscription> subscriptions) {
        subscriptions.forEach(this::sendPaced);
    }

    private void sendPaced(Subscription s) {
        Flow flow;
        synchronized (s) {
            flow = s.flow;
        }
        try {
            stack.get().awaitSendRoom(flow, PACE_LIMIT);
        } catch (RuntimeException noStack) {
            // the stack is not running: send() counts the failure
        }
        send(s);
    }

    /** Sends the subscription's current state now, or after the NOTIFY in flight is answered. */
    void send(Subscription s) {
        SipRequest notify;
        synchronized (s) {
            if (s.terminatingSent) {
                return; // the last word was said
            }
            if (s.inFlight) {
                s.dirty = true;
                return;
            }
            notify = build(s);
            s.inFlight = true;
            s.dirty = false;
        }
        try {
            stack.get().send(notify, s.flow, new Listener(s));
            sent.increment();
        } catch (RuntimeException e) {
            // no route, stack closed: a failure like a timeout, never an exception into the caller's loop
            log.debug("NOTIFY to {} not sent: {}", s, e.toString());
            transportErrors.increment();
            answered(s, false, false);
        }
    }

    /** Call with the subscription's lock held. */
    private SipRequest build(Subscription s) {
        SipRequest r = s.dialog.createRequest(SipMethod.NOTIFY);
        r.headers().set(HeaderName.EVENT, s.event);
        String state = s.terminated.map(reason -> "terminated;reason=" + reason)
                .orElseGet(() -> "active;expires=" + s.remaining(clock.instant()));
        r.headers().set(HeaderName.SUBSCRIPTION_STATE, state);
        r.headers().set(HeaderName.CONTACT, s.contact);
        s.version++;
        byte[] body = s.eventPackage.body(s.watcher.tenantId(), s.resource, s.contentType, s.version, s.entity);
        r.setBody(body, Optional.of(s.contentType));
        if (s.terminated.isPresent()) {
            s.terminatingSent = true;
        }
        return r;
    }

    private void answered(Subscription s, boolean ok, boolean gone) {
        boolean again;
        boolean drop;
        boolean retry;
        int failures;
        synchronized (s) {
            s.inFlight = false;
            if (ok) {
                s.failures = 0;
            } else {
                s.failures++;
                failed.increment();
            }
            drop = gone || s.failures >= maxFailures;
            again = s.dirty && !drop && !s.terminatingSent;
            // the watcher is owed the state it did not get: resend later, unless a change is about to send it now
            retry = !ok && !drop && !again && !s.terminatingSent;
            if (retry) {
                s.dirty = true;
            }
            failures = s.failures;
            if (s.terminatingSent || drop) {
                s.dialog.terminate();
            }
        }
        if (drop) {
            log.debug("dropping {} after {} failed NOTIFYs{}", s, s.failures, gone ? " (481)" : "");
            droppedWatchers.increment();
            dropped.accept(s);
        } else if (again) {
            send(s);
        } else if (retry) {
            try {
                retries.schedule(retryDelay(failures), () -> {
                    try {
                        threads.execute(() -> resend(s));
                    } catch (RejectedExecutionException stopped) {
                        // shutting down: nobody is left to tell
                    }
                });
            } catch (IllegalStateException stopped) {
                // shutting down: nobody is left to tell
            }
        }
    }

    /** The retry of a failed NOTIFY: sends only if no NOTIFY went out (or is going out) since. */
    private void resend(Subscription s) {
        synchronized (s) {
            if (!s.dirty || s.inFlight || s.terminatingSent) {
                return;
            }
        }
        sendPaced(s);
    }

    private final class Listener implements ResponseListener {
        private final Subscription s;

        Listener(Subscription s) {
            this.s = s;
        }

        @Override
        public void onResponse(SipResponse response) {
            int status = response.statusCode();
            if (status < 200) {
                return;
            }
            answered(s, status < 300, status == 481);
        }

        @Override
        public void onTimeout() {
            timeouts.increment();
            answered(s, false, false);
        }

        @Override
        public void onTransportError() {
            transportErrors.increment();
            answered(s, false, false);
        }
    }
}
