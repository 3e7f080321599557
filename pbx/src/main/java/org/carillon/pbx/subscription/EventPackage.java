package org.carillon.pbx.subscription;

import java.util.List;
import java.util.Optional;

/**
 * One SIP event package (RFC 6665 §7) the PBX serves as a notifier: {@code dialog}, {@code presence},
 * {@code message-summary}, … A feature registers a package by declaring a Spring bean implementing this interface;
 * {@link SubscriptionService} finds every such bean at start-up. When the state of a resource changes, the feature
 * publishes a {@link ResourceChanged} Spring event (or calls {@link SubscriptionService#changed}); the framework then
 * asks {@link #body} for the current state of that resource for each of its watchers and sends the NOTIFYs.
 *
 * <p>Threads: every method may be called on any thread, concurrently; implementations are thread-safe and must not
 * block on I/O (they are called while answering SUBSCRIBEs and while sending NOTIFYs to many watchers).
 */
public interface EventPackage {

    /** The package name as it appears in {@code Event} and {@code Allow-Events} ({@code "dialog"}), lower case. */
    String name();

    /**
     * The bodies this package can produce, preferred first ({@code application/dialog-info+xml}). A SUBSCRIBE whose
     * {@code Accept} names none of them is refused 406; without {@code Accept} the first one is used (RFC 6665 §4.1.2).
     */
    List<String> contentTypes();

    /**
     * The resource a watcher asks for: the user part of the SUBSCRIBE's Request-URI ({@code "1001"}) in the watcher's
     * tenant. Empty means no such resource (the SUBSCRIBE is answered 404).
     *
     * @param watcher the authenticated device asking
     * @param user    the Request-URI's user part, as sent
     * @return the resource key the package will later name in {@link ResourceChanged} (often {@code user} itself)
     * @throws SubscriptionRefusedException to refuse with another status (403 for a resource the watcher may not see)
     */
    Optional<String> resource(Watcher watcher, String user);

    /**
     * The current full state of {@code resource} as a NOTIFY body.
     *
     * @param tenantId    the tenant of the resource
     * @param resource    a key {@link #resource} returned
     * @param contentType one of {@link #contentTypes()}, the one negotiated for this subscription
     * @param version     1 for the first NOTIFY of a subscription, then increasing by one per NOTIFY (RFC 4235
     *                    {@code version}); packages without versions ignore it
     * @param entity      the URI of the watched resource ({@code sip:1001@pbx.example}) for bodies that name it
     */
    byte[] body(long tenantId, String resource, String contentType, long version, String entity);

    /** Subscription duration when the SUBSCRIBE has no {@code Expires}, in seconds (RFC 6665 §7.2: per package). */
    default int defaultExpires() {
        return 3600;
    }
}
