package org.carillon.platform.web;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live state for open pages as server-sent events, scoped (e.g. by tenant). Publishing never blocks: each browser
 * has a bounded queue drained by its own virtual thread, so a slow or gone browser loses only its own stream (a full
 * queue ends it; the page reconnects and reloads the state), and the publisher — a call's executor, a SIP handler —
 * is never held up.
 *
 * <p>Threads: thread-safe.
 */
public final class EventHub {
    private static final int QUEUE_LIMIT = 256;
    private final String eventName;
    private final Duration timeout;
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * @param eventName the SSE {@code event:} name every message carries
     * @param timeout   how long one stream may stay open before the browser reconnects
     */
    public EventHub(String eventName, Duration timeout) {
        this.eventName = eventName;
        this.timeout = timeout;
    }

    private final class Subscriber {
        final Set<Long> scopes;
        final SseEmitter emitter;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
        final Thread sender;
        volatile boolean closed;

        Subscriber(Set<Long> scopes, SseEmitter emitter) {
            this.scopes = Set.copyOf(scopes);
            this.emitter = emitter;
            this.sender = Thread.ofVirtual().name("sse-" + eventName).unstarted(this::drain);
        }

        void drain() {
            try {
                emitter.send(SseEmitter.event().comment("connected"));
                while (!closed) {
                    Object data = queue.take();
                    emitter.send(SseEmitter.event().name(eventName).data(data, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                subscribers.remove(this);
                sender.interrupt();
            }
        }
    }

    /** A new stream for one open page within {@code scope}. */
    public SseEmitter subscribe(long scope) {
        return subscribe(Set.of(scope));
    }

    /**
     * A new stream for one open page that follows several scopes (a wall of several teams: one connection, since a
     * browser opens at most six to a host and a page with a stream per card would starve).
     */
    public SseEmitter subscribe(Set<Long> scopes) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber s = new Subscriber(scopes, emitter);
        subscribers.add(s);
        emitter.onCompletion(s::close);
        emitter.onTimeout(s::close);
        emitter.onError(e -> s.close());
        s.sender.start();
        return emitter;
    }

    /** Queues {@code data} (serialised as JSON) for every open page of {@code scope}; never blocks. */
    public void publish(long scope, Object data) {
        for (Subscriber s : subscribers) {
            if (s.scopes.contains(scope) && !s.queue.offer(data)) {
                s.emitter.complete();
                s.close();
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }
}
