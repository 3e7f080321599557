package org.carillon.pbx.subscription;

import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.transaction.ResponseListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends NOTIFYs (RFC 6665 §4.2.2) in client transactions on the stack, one in flight per subscription, and counts each
 * watcher's failures: a 2xx clears the count, a 481 ends the subscription at once (§4.2.2: the watcher no longer has
 * it), a timeout, transport error or other final response counts one failure and {@code maxFailures} in a row drop
 * the watcher. The body is built when the NOTIFY is sent, so it always carries the state current then.
 *
 * <p>Threads: thread-safe. {@link #send} never blocks on the network; responses arrive on the stack's executor.
 */
final class NotifySender {
    private static final Logger log = LoggerFactory.getLogger(NotifySender.class);

    private final Supplier<SipStack> stack;
    private final Clock clock;
    private final int maxFailures;
    private final Consumer<Subscription> dropped;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder droppedWatchers = new LongAdder();

    /** @param dropped told (once) when a subscription ends because its watcher failed or answered 481 */
    NotifySender(Supplier<SipStack> stack, Clock clock, int maxFailures, Consumer<Subscription> dropped) {
        this.stack = stack;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.dropped = dropped;
    }

    NotifyCounters counters() {
        return new NotifyCounters(sent.sum(), failed.sum(), timeouts.sum(), transportErrors.sum(),
                droppedWatchers.sum());
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
        }
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
