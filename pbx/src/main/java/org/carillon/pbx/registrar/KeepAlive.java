package org.carillon.pbx.registrar;

import org.carillon.pbx.sipserver.SipServer;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.transaction.ResponseListener;
import org.carillon.sip.transaction.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Keep-alive (SPEC §1): every {@link RegistrarSettings#keepAlive()} each binding gets an OPTIONS request over the
 * flow it registered on (which also keeps its NAT mapping open). Any answer, even an error, shows the device is
 * there; a ping unanswered for {@link RegistrarSettings#keepAliveTimeout()} marks the binding unreachable, and an
 * extension whose bindings are all unreachable shows {@code unreachable}. A later answer or refresh makes it
 * reachable again. Time is the injected clock; the real scheduler only calls {@link #tick()} every second.
 *
 * <p>Double-CRLF keep-alives from devices on TCP (RFC 5626 §4.4.1) are answered by the transport itself.
 */
@Component
public class KeepAlive {
    private static final Logger log = LoggerFactory.getLogger(KeepAlive.class);
    private final Registrar registrar;
    private final SipServer server;
    private final TenantDirectory tenants;
    private final Clock clock;
    private volatile Instant nextRound = Instant.MIN;

    public KeepAlive(Registrar registrar, SipServer server, TenantDirectory tenants, Clock clock) {
        this.registrar = registrar;
        this.server = server;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void scheduled() {
        if (!registrar.settings().keepAlive().isZero()) {
            tick();
        }
    }

    /** One step: mark overdue pings unreachable, then start a round of pings when one is due. */
    public void tick() {
        Instant now = clock.instant();
        Duration timeout = registrar.settings().keepAliveTimeout();
        var snapshot = registrar.snapshot().byExtension();
        for (var list : snapshot.values()) {
            for (Binding b : list) {
                if (!b.pingSentAt().equals(Instant.EPOCH) && b.reachable()
                        && !now.isBefore(b.pingSentAt().plus(timeout))) {
                    registrar.markUnreachable(b);
                }
            }
        }
        if (now.isBefore(nextRound)) {
            return;
        }
        nextRound = now.plus(registrar.settings().keepAlive());
        SipStack stack = server.stack().orElse(null);
        if (stack == null) {
            return;
        }
        for (var list : snapshot.values()) {
            for (Binding b : list) {
                if (!b.expired(now)) {
                    ping(stack, b, now);
                }
            }
        }
    }

    private void ping(SipStack stack, Binding b, Instant now) {
        SipRequest options;
        try {
            options = SipRequest.create(SipMethod.OPTIONS, ContactText.parse(b.target()));
        } catch (RuntimeException e) {
            log.debug("keep-alive: unusable target {}", b.target());
            return;
        }
        String domain = tenants.findById(b.tenantId()).map(t -> t.sipDomain()).orElse("localhost");
        options.headers().add(HeaderName.FROM, "<sip:keepalive@" + domain + ">;tag=" + Tags.generate());
        options.headers().add(HeaderName.TO, "<" + b.contact() + ">");
        options.headers().add(HeaderName.CALL_ID, UUID.randomUUID().toString());
        options.headers().add(HeaderName.CSEQ, "1 OPTIONS");
        registrar.markPinged(b, now);
        try {
            stack.send(options, b.source(), new ResponseListener() {
                @Override
                public void onResponse(SipResponse response) {
                    if (!response.isProvisional()) {
                        registrar.markAnswered(b);
                    }
                }

                @Override
                public void onTimeout() {
                    // the clock-driven rule in tick() decides; Timer F (32 s) is longer than the timeout anyway
                }

                @Override
                public void onTransportError() {
                    registrar.markUnreachable(b);
                }
            });
        } catch (RuntimeException e) {
            log.debug("keep-alive to {} not sent: {}", b.target(), e.toString());
        }
    }
}
