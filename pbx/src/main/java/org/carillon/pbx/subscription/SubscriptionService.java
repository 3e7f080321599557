package org.carillon.pbx.subscription;

import org.carillon.pbx.sipserver.SipServer;
import org.carillon.pbx.sipserver.SipServerSettings;
import org.carillon.platform.settings.Settings;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.clock.WheelScheduler;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogId;
import org.carillon.sip.dialog.DialogUsage;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.transport.Transport;
import org.carillon.sip.uri.SipUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The PBX's notifier (RFC 6665): holds every subscription by dialog and by watched resource, creates, refreshes and
 * ends them for {@link SubscribeHandler}, and turns {@link ResourceChanged} events into NOTIFYs. Changes of one
 * resource within {@link SubscriptionSettings#coalesce()} are coalesced into one round of NOTIFYs; within a round each
 * watcher gets at most one NOTIFY in flight ({@link NotifySender}), so the last one always carries the final state.
 * Expiry is decided by the injected clock ({@link #sweep()}).
 *
 * <p>Threads: thread-safe. {@link #changed} never blocks: NOTIFY rounds run on virtual threads, each paced against
 * the SIP stack's send queue ({@link NotifySender#sendAll}); {@link #sweep} and {@link #resourceRemoved} are paced
 * the same way on the caller's thread (a scheduler's or a web request's, never an event loop).
 */
@Component
public class SubscriptionService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private final SubscriptionSettings settings;
    private final Map<String, EventPackage> packages = new TreeMap<>();
    private final Clock clock;
    private final String bindAddress;
    /** Looked up on first use (the SIP server needs the SUBSCRIBE handler, which needs this), then kept. */
    private final Supplier<SipServer> sipServer;
    private final NotifySender sender;
    private final ConcurrentHashMap<DialogId, Subscription> byDialog = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Subscription>> byResource = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> perExtension = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> pendingRounds = new ConcurrentHashMap<>();
    private final WheelScheduler scheduler = new WheelScheduler();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public SubscriptionService(Settings settings, List<EventPackage> packages, Clock clock,
                               ObjectProvider<SipServer> sipServer) {
        this.settings = SubscriptionSettings.from(settings);
        packages.forEach(p -> this.packages.put(p.name().toLowerCase(Locale.ROOT), p));
        this.clock = clock;
        var bind = SipServerSettings.from(settings).bind();
        this.bindAddress = bind.isAnyLocalAddress() ? "" : bind.getHostAddress();
        this.sipServer = SingletonSupplier.of(sipServer::getObject);
        this.sender = new NotifySender(() -> this.sipServer.get().stack()
                .orElseThrow(() -> new IllegalStateException("SIP server not running")), clock,
                this.settings.maxFailures(), this::forget, scheduler, threads);
    }

    /** The registered package named {@code name} (case-insensitive). */
    public Optional<EventPackage> eventPackage(String name) {
        return Optional.ofNullable(packages.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The registered package names, for {@code Allow-Events} (RFC 6665 §8.2.2). */
    public String allowEvents() {
        return String.join(", ", packages.keySet());
    }

    SubscriptionSettings settings() {
        return settings;
    }

    // ---- SUBSCRIBE ----

    /**
     * A new subscription (an authenticated initial SUBSCRIBE): answers 200 with our To tag, Expires and Contact, then
     * sends the first NOTIFY with the full state (§4.2.1.1). {@code Expires: 0} is a fetch: the NOTIFY carries the
     * state and ends the subscription.
     */
    void subscribe(ServerTransaction tx, Watcher watcher, EventPackage pkg, String event, String resource,
                   String contentType, int expires) {
        SipRequest request = tx.request();
        if (expires > 0 && perExtension.getOrDefault(watcher.extensionId(), 0) >= settings.maxPerExtension()) {
            SipResponse busy = request.createResponse(503, Optional.of(Tags.generate()));
            busy.headers().set(HeaderName.RETRY_AFTER, "60");
            tx.respond(busy);
            return;
        }
        SipResponse ok = request.createResponse(200, Optional.of(Tags.generate()));
        String contact = contact(request, tx.source().transport());
        ok.headers().set(HeaderName.EXPIRES, Integer.toString(expires));
        ok.headers().set(HeaderName.CONTACT, contact);
        Dialog dialog;
        try {
            dialog = Dialog.asUas(request, ok, DialogUsage.SUBSCRIBE);
        } catch (RuntimeException noContact) {
            tx.respond(400); // §4.1.2: a SUBSCRIBE creates a dialog and needs a Contact
            return;
        }
        Instant now = clock.instant();
        Subscription s = new Subscription(dialog, watcher, pkg, event, resource, request.requestUri().toString(),
                contentType, contact, tx.source(), now.plusSeconds(expires));
        tx.respond(ok);
        if (expires == 0) {
            s.terminated = Optional.of("timeout");
        } else {
            add(s);
        }
        sender.send(s);
    }

    /** A SUBSCRIBE inside a subscription's dialog (refresh, or {@code Expires: 0} to end it, §4.1.2.2–3). */
    void refresh(ServerTransaction tx, Watcher watcher, int expires) {
        SipRequest request = tx.request();
        Subscription s = byDialog.get(DialogId.ofIncoming(request));
        if (s == null || s.watcher.extensionId() != watcher.extensionId()) {
            tx.respond(481); // §4.1.3: no such subscription (or not this device's)
            return;
        }
        SipResponse ok;
        synchronized (s) {
            if (!s.dialog.onRequest(request)) {
                tx.respond(500); // §12.2.2: CSeq out of order
                return;
            }
            s.flow = tx.source(); // the watcher may have moved (NAT rebinding, new TCP connection)
            s.expiresAt = clock.instant().plusSeconds(expires);
            if (expires == 0) {
                s.terminated = Optional.of("timeout");
            }
            ok = request.createResponse(200, Optional.empty());
            ok.headers().set(HeaderName.EXPIRES, Integer.toString(expires));
            ok.headers().set(HeaderName.CONTACT, s.contact);
        }
        tx.respond(ok);
        if (expires == 0) {
            forget(s);
        }
        sender.send(s); // §4.2.1.2: a refresh is answered with a NOTIFY of the current state
    }

    /** Our Contact for a subscription dialog: the configured external address, the bind address or the URI host. */
    private String contact(SipRequest request, Transport transport) {
        String host = settings.externalAddress().orElse(bindAddress);
        if (host.isEmpty()) {
            host = request.requestUri() instanceof SipUri u ? u.host() : "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = sipServer.get().port();
        return "<sip:" + host + ":" + port + (transport == Transport.UDP ? ""
                : ";transport=" + transport.viaName().toLowerCase(Locale.ROOT)) + ">";
    }

    // ---- changes and expiry ----

    /** Spring entry point of {@link #changed(long, String, String)}. */
    @EventListener
    public void onResourceChanged(ResourceChanged change) {
        changed(change.tenantId(), change.event(), change.resource());
    }

    /**
     * The state of {@code resource} changed: within the coalescing window every watcher gets a NOTIFY with the state
     * current when it is built. Never blocks; unknown or unwatched resources cost a map lookup.
     */
    public void changed(long tenantId, String event, String resource) {
        String key = Subscription.key(tenantId, event.toLowerCase(Locale.ROOT), resource);
        if (!byResource.containsKey(key) || pendingRounds.putIfAbsent(key, Boolean.TRUE) != null) {
            return; // nobody watches, or a round is already due and will read the newest state
        }
        Runnable round = () -> {
            pendingRounds.remove(key);
            sender.sendAll(watchers(key)); // paced against the send queue: see NotifySender.sendAll
        };
        if (settings.coalesce().isZero()) {
            threads.execute(round);
        } else {
            scheduler.schedule(settings.coalesce(), () -> threads.execute(round));
        }
    }

    /** Ends every subscription whose time ran out with a terminating NOTIFY ({@code reason=timeout}, §4.2.2). */
    public void sweep() {
        Instant now = clock.instant();
        List<Subscription> lapsed = new ArrayList<>();
        for (Subscription s : byDialog.values()) {
            synchronized (s) {
                if (!s.expiresAt.isAfter(now) && s.terminated.isEmpty()) {
                    s.terminated = Optional.of("timeout");
                    lapsed.add(s);
                }
            }
        }
        lapsed.forEach(this::forget);
        sender.sendAll(lapsed); // many may lapse in the same second: paced like a round
    }

    /**
     * Ends every subscription to {@code resource} (it was deleted) with {@code reason=noresource} (§4.2.2), so
     * watchers stop showing a lamp for something that no longer exists.
     */
    public void resourceRemoved(long tenantId, String event, String resource) {
        List<Subscription> ended = watchers(Subscription.key(tenantId, event.toLowerCase(Locale.ROOT), resource));
        for (Subscription s : ended) {
            synchronized (s) {
                s.terminated = Optional.of("noresource");
            }
            forget(s);
        }
        sender.sendAll(ended);
    }

    private List<Subscription> watchers(String key) {
        Set<Subscription> set = byResource.get(key);
        return set == null ? List.of() : new ArrayList<>(set);
    }

    private void add(Subscription s) {
        byDialog.put(s.id, s);
        byResource.computeIfAbsent(s.resourceKey(), k -> ConcurrentHashMap.newKeySet()).add(s);
        perExtension.merge(s.watcher.extensionId(), 1, Integer::sum);
    }

    /** Removes a subscription from the tables (idempotent); its terminating NOTIFY, if any, is sent by the caller. */
    private void forget(Subscription s) {
        if (byDialog.remove(s.id, s)) {
            byResource.computeIfPresent(s.resourceKey(), (k, set) -> {
                set.remove(s);
                return set.isEmpty() ? null : set;
            });
            perExtension.computeIfPresent(s.watcher.extensionId(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    // ---- what the admin, tests and the benchmark read ----

    /** Live subscriptions now. */
    public int size() {
        return byDialog.size();
    }

    /** Live subscriptions to one resource. */
    public int watching(long tenantId, String event, String resource) {
        Set<Subscription> set = byResource.get(Subscription.key(tenantId, event.toLowerCase(Locale.ROOT), resource));
        return set == null ? 0 : set.size();
    }

    /** NOTIFY counters since start. */
    public NotifyCounters notifyCounters() {
        return sender.counters();
    }

    Optional<Subscription> find(DialogId id) {
        return Optional.ofNullable(byDialog.get(id));
    }

    @Override
    public void close() {
        log.info("subscriptions at stop: {} live; {}", byDialog.size(), sender.counters());
        scheduler.close();
        threads.shutdown();
    }
}
