package org.carillon.pbx.subscription;

import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogId;
import org.carillon.sip.transport.Flow;

import java.time.Instant;
import java.util.Optional;

/**
 * One subscription (RFC 6665): its dialog, who watches what, when it expires, and the NOTIFY pipeline state. At most
 * one NOTIFY is in flight per subscription (RFC 6665 §4.2.2 forbids overlapping NOTIFYs on a dialog); a change that
 * arrives meanwhile only marks it {@code dirty}, and the next NOTIFY, built when the previous one is answered, carries
 * the state current then. That is the per-watcher coalescing: a slow watcher gets fewer NOTIFYs, never stale ones,
 * and never slows the others.
 *
 * <p>Threads: every mutable field is guarded by {@code this}; {@link SubscriptionService} is its only user.
 */
final class Subscription {
    final Dialog dialog;
    final DialogId id;
    final Watcher watcher;
    final EventPackage eventPackage;
    /** The Event header value echoed in every NOTIFY (package name plus any {@code id} parameter). */
    final String event;
    final String resource;
    /** The watched resource's URI (the SUBSCRIBE's Request-URI). */
    final String entity;
    final String contentType;
    final String contact;
    Flow flow;
    Instant expiresAt;
    long version;
    int failures;
    boolean inFlight;
    boolean dirty;
    /** Set once the subscription ends: the reason its last NOTIFY carries ({@code timeout}, {@code deactivated}…). */
    Optional<String> terminated = Optional.empty();
    boolean terminatingSent;

    Subscription(Dialog dialog, Watcher watcher, EventPackage eventPackage, String event, String resource,
                 String entity, String contentType, String contact, Flow flow, Instant expiresAt) {
        this.dialog = dialog;
        this.id = dialog.id();
        this.watcher = watcher;
        this.eventPackage = eventPackage;
        this.event = event;
        this.resource = resource;
        this.entity = entity;
        this.contentType = contentType;
        this.contact = contact;
        this.flow = flow;
        this.expiresAt = expiresAt;
    }

    /** Key of the watched resource: tenant, package and resource. */
    String resourceKey() {
        return key(watcher.tenantId(), eventPackage.name(), resource);
    }

    static String key(long tenantId, String event, String resource) {
        return tenantId + "\u0000" + event + "\u0000" + resource;
    }

    /** Seconds left, never negative (for {@code Subscription-State: active;expires=}). */
    synchronized long remaining(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }

    @Override
    public String toString() {
        return "Subscription[" + eventPackage.name() + " " + resource + " by " + watcher.number() + "]";
    }
}
