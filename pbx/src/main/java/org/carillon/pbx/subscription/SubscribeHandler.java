package org.carillon.pbx.subscription;

import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.registrar.DeviceAuthenticator;
import org.carillon.pbx.sipserver.SipRequestHandler;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.sip.dialog.DialogId;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.uri.SipUri;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * SUBSCRIBE (RFC 6665 §4.2.1): every one, initial or refresh, is digest-authenticated like a REGISTER (407 with the
 * device's own credentials, failures counted per source address); the watcher is the authenticated device and may
 * only watch its own tenant (the Request-URI's domain must be the device's tenant, else 403). Then: an unknown or
 * missing {@code Event} is 489 with {@code Allow-Events} (§8.2.1), an {@code Accept} naming none of the package's
 * bodies 406, an unknown resource 404, an {@code Expires} under the minimum 423 with {@code Min-Expires}
 * (§4.2.1.1); an {@code Expires} above the maximum is cut down.
 *
 * <p>Threads: called on a virtual thread per request; may block briefly (authentication).
 */
@Component
class SubscribeHandler implements SipRequestHandler {
    private final SubscriptionService subscriptions;
    private final TenantDirectory tenants;
    private final DeviceDirectory devices;
    private final DeviceAuthenticator authenticator;

    SubscribeHandler(SubscriptionService subscriptions, TenantDirectory tenants, DeviceDirectory devices,
                     DeviceAuthenticator authenticator) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.devices = devices;
        this.authenticator = authenticator;
    }

    @Override
    public String method() {
        return SipMethod.SUBSCRIBE;
    }

    @Override
    public void handle(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (request.to().tag().isPresent()) {
            refresh(tx);
            return;
        }
        Optional<Tenant> tenant = request.requestUri() instanceof SipUri ru ? tenants.forDomain(ru.host())
                : Optional.empty();
        Optional<String> user = request.requestUri() instanceof SipUri ru ? ru.user() : Optional.empty();
        if (tenant.isEmpty() || user.isEmpty()) {
            tx.respond(404);
            return;
        }
        String event = request.headers().first(HeaderName.EVENT).map(String::strip).orElse("");
        Optional<EventPackage> pkg = subscriptions.eventPackage(packageName(event));
        if (pkg.isEmpty()) {
            badEvent(tx);
            return;
        }
        Optional<Watcher> watcher = authenticate(tx, tenant.get());
        if (watcher.isEmpty()) {
            return;
        }
        Optional<String> contentType = negotiate(request, pkg.get().contentTypes());
        if (contentType.isEmpty()) {
            SipResponse r = request.createResponse(406, Optional.of(Tags.generate()));
            r.headers().set(HeaderName.ACCEPT, String.join(", ", pkg.get().contentTypes()));
            tx.respond(r);
            return;
        }
        OptionalLong expires = expires(tx, pkg.get().defaultExpires());
        if (expires.isEmpty()) {
            return;
        }
        Optional<String> resource;
        try {
            resource = pkg.get().resource(watcher.get(), user.get());
        } catch (SubscriptionRefusedException e) {
            tx.respond(e.status());
            return;
        }
        if (resource.isEmpty()) {
            tx.respond(404);
            return;
        }
        subscriptions.subscribe(tx, watcher.get(), pkg.get(), event, resource.get(), contentType.get(),
                (int) expires.getAsLong());
    }

    private void refresh(ServerTransaction tx) {
        Optional<Subscription> s = subscriptions.find(DialogId.ofIncoming(tx.request()));
        Optional<Tenant> tenant = s.flatMap(x -> tenants.findById(x.watcher.tenantId()));
        if (tenant.isEmpty()) {
            tx.respond(481);
            return;
        }
        Optional<Watcher> watcher = authenticate(tx, tenant.get());
        if (watcher.isEmpty()) {
            return;
        }
        OptionalLong expires = expires(tx, s.get().eventPackage.defaultExpires());
        if (expires.isPresent()) {
            subscriptions.refresh(tx, watcher.get(), (int) expires.getAsLong());
        }
    }

    /** The authenticated watcher of the tenant, or empty after the request was answered (407, 403). */
    private Optional<Watcher> authenticate(ServerTransaction tx, Tenant tenant) {
        // the watcher is whoever the credentials name; they must then be that device's own
        var outcome = authenticator.authenticateClaimed(tx, tenant.sipDomain(), devices::findByUsername);
        if (outcome instanceof DeviceAuthenticator.Outcome.Failed) {
            return Optional.empty();
        }
        if (!(outcome instanceof DeviceAuthenticator.Outcome.Authenticated ok)) {
            return Optional.empty();
        }
        if (ok.account().tenantId() != tenant.id()) {
            tx.respond(403); // another tenant's device: never subscribes here (SECURITY.md)
            return Optional.empty();
        }
        return Optional.of(new Watcher(tenant.id(), ok.account().extensionId(), ok.account().number()));
    }

    /** The Expires to grant, or empty after a 423 was sent. */
    private OptionalLong expires(ServerTransaction tx, int fallback) {
        var s = subscriptions.settings();
        long asked = tx.request().expires().orElse(fallback);
        if (asked > 0 && asked < s.minExpires()) {
            SipResponse r = tx.request().createResponse(423, tx.request().to().tag().isPresent() ? Optional.empty()
                    : Optional.of(Tags.generate()));
            r.headers().set(HeaderName.MIN_EXPIRES, Integer.toString(s.minExpires()));
            tx.respond(r);
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(Math.max(asked, 0), s.maxExpires()));
    }

    private void badEvent(ServerTransaction tx) {
        SipResponse r = tx.request().createResponse(489, Optional.of(Tags.generate()));
        r.headers().set(HeaderName.ALLOW_EVENTS, subscriptions.allowEvents());
        tx.respond(r);
    }

    /** {@code "dialog;id=7"} → {@code "dialog"} (RFC 6665 §8.2.1: the token before any parameter). */
    static String packageName(String event) {
        int semi = event.indexOf(';');
        return (semi < 0 ? event : event.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The first of {@code offered} the request's Accept allows (all of them when there is no Accept). */
    static Optional<String> negotiate(SipRequest request, List<String> offered) {
        List<String> accept = request.headers().all(HeaderName.ACCEPT).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
        if (accept.isEmpty() || accept.contains("*/*")) {
            return offered.stream().findFirst();
        }
        return offered.stream().filter(t -> accept.contains(t.toLowerCase(Locale.ROOT))
                || accept.contains(t.substring(0, t.indexOf('/') + 1).toLowerCase(Locale.ROOT) + "*")).findFirst();
    }
}
