package org.carillon.pbx.registrar;

import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.security.SourceBans;
import org.carillon.pbx.sipserver.SipRequestHandler;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.Transport;
import org.carillon.sip.uri.SipUri;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * REGISTER (RFC 3261 §10.3): finds the tenant by the request's domain and the extension by the To user, checks
 * the digest credentials (they must be that extension's own), applies the contacts and answers with every current
 * binding. Failed authentications are counted per source address ({@link SourceBans}).
 *
 * <p>NAT (RFC 3581 applied to bindings): when the Contact's address is not where the request came from, or the
 * request came over TCP, requests for the device go to the observed source instead (the connection for TCP).
 */
@Component
public class RegisterHandler implements SipRequestHandler {
    private final Registrar registrar;
    private final DeviceDirectory devices;
    private final TenantDirectory tenants;
    private final DeviceAuthenticator authenticator;
    private final Clock clock;
    private final LongAdder accepted = new LongAdder();

    public RegisterHandler(Registrar registrar, DeviceDirectory devices, TenantDirectory tenants,
                           DeviceAuthenticator authenticator, Clock clock) {
        this.registrar = registrar;
        this.devices = devices;
        this.tenants = tenants;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Override
    public String method() {
        return SipMethod.REGISTER;
    }

    /** REGISTERs answered 200 since start. */
    public long accepted() {
        return accepted.sum();
    }

    @Override
    public void handle(ServerTransaction tx) {
        SipRequest request = tx.request();
        Optional<Tenant> tenant = request.requestUri() instanceof SipUri ru ? tenants.forDomain(ru.host())
                : Optional.empty();
        if (tenant.isEmpty()) {
            tx.respond(404); // not a domain of ours (§10.3 step 1)
            return;
        }
        Optional<DeviceAccount> aor = request.to().uri() instanceof SipUri to && to.user().isPresent()
                ? devices.findByNumber(tenant.get().id(), to.user().get()) : Optional.empty();
        var outcome = authenticator.authenticate(tx, tenant.get().sipDomain(), aor);
        if (outcome instanceof DeviceAuthenticator.Outcome.Failed) {
            return;
        }
        if (!(outcome instanceof DeviceAuthenticator.Outcome.Authenticated ok)) {
            return;
        }
        RegisterRequest parsed;
        try {
            parsed = parse(request, tx.source(), ok.account().number());
        } catch (SipParseException | IllegalArgumentException e) {
            tx.respond(400);
            return;
        }
        switch (registrar.register(ok.account(), parsed)) {
            case RegisterOutcome.Accepted a -> {
                accepted.increment();
                tx.respond(ok(request, a.bindings(), parsed));
                if (!a.bindings().isEmpty()) {
                    registrar.announceRegistered(ok.account()); // after the 200: unsolicited MWI follows it
                }
            }
            case RegisterOutcome.Rejected r -> {
                SipResponse response = request.createResponse(r.status(), Optional.of(Tags.generate()));
                if (r.status() == 423) {
                    response.headers().set(HeaderName.MIN_EXPIRES, Long.toString(r.minExpires()));
                }
                tx.respond(response);
            }
        }
    }

    private SipResponse ok(SipRequest request, List<Binding> bindings, RegisterRequest parsed) {
        SipResponse response = request.createResponse(200, Optional.of(Tags.generate()));
        Instant now = clock.instant();
        for (Binding b : bindings) {
            response.headers().add(HeaderName.CONTACT, "<" + b.contact() + ">;expires=" + b.remaining(now));
        }
        // RFC 3327 §5.3: a registrar that stores a Path echoes it
        for (String p : parsed.path()) {
            response.headers().add(HeaderName.PATH, p);
        }
        response.headers().set(HeaderName.DATE, date(now));
        return response;
    }

    /** The Date header's value (RFC 3261 §20.17, whole seconds), formatted once per second of the injected clock. */
    private String date(Instant now) {
        long second = now.getEpochSecond();
        FormattedDate d = lastDate;
        if (d.second() != second) {
            d = new FormattedDate(second, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(Instant.ofEpochSecond(second).atZone(java.time.ZoneOffset.UTC)));
            lastDate = d;
        }
        return d.text();
    }

    private record FormattedDate(long second, String text) {
    }

    private volatile FormattedDate lastDate = new FormattedDate(Long.MIN_VALUE, "");

    static RegisterRequest parse(SipRequest request, Flow source, String number) {
        var contacts = request.contacts();
        List<RegisterRequest.ContactSpec> specs = new ArrayList<>();
        for (Address a : contacts.addresses()) {
            String text = a.uri().toString();
            specs.add(new RegisterRequest.ContactSpec(a.uri(), text, a.expires(), target(a, text, source, number)));
        }
        boolean supportsPath = request.headers().all(HeaderName.SUPPORTED).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).matches("(^|.*[ ,])path($|[ ,].*)"));
        List<String> path = supportsPath ? request.headers().all(HeaderName.PATH) : List.of();
        return new RegisterRequest(request.callId(), request.cseq().number(), contacts.wildcard(), specs,
                request.expires(), request.headers().first(HeaderName.USER_AGENT).orElse(""), source, path);
    }

    /** The Contact itself when it names the observed source over UDP, else a URI for the observed source. */
    static String target(Address contact, String text, Flow source, String number) {
        String srcHost = source.remote().getAddress().getHostAddress();
        int srcPort = source.remote().getPort();
        if (contact.uri() instanceof SipUri u && source.transport() == Transport.UDP
                && u.transport().map(t -> t.equalsIgnoreCase("udp")).orElse(true)
                && stripBrackets(u.host()).equalsIgnoreCase(srcHost) && u.port().orElse(5060) == srcPort) {
            return text;
        }
        String user = contact.uri() instanceof SipUri u ? u.user().orElse(number) : number;
        String host = srcHost.contains(":") ? "[" + srcHost + "]" : srcHost;
        return "sip:" + user + "@" + host + ":" + srcPort
                + (source.transport() == Transport.UDP ? "" : ";transport="
                + source.transport().viaName().toLowerCase(Locale.ROOT));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
