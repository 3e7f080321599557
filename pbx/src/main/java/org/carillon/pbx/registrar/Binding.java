package org.carillon.pbx.registrar;

import org.carillon.sip.transport.Flow;

import java.time.Instant;
import java.util.List;

/**
 * One registered contact of an extension (RFC 3261 §10.3). Immutable; the {@link BindingTable} replaces it on each
 * refresh or reachability change.
 *
 * @param contact      the Contact URI as the device registered it (echoed back in the 200 OK)
 * @param target       where requests for this device go: the contact, or the observed source when the device is
 *                     behind NAT (RFC 3581 logic applied to the binding)
 * @param source       the flow the REGISTER came in on (UDP address or TCP connection)
 * @param path         Path header values to use as a route set towards the device (RFC 3327), usually empty
 * @param pingSentAt   the last unanswered keep-alive, or {@link Instant#EPOCH} when none is outstanding
 * @param reachable    false after a keep-alive went unanswered for the timeout; true again on any answer
 */
public record Binding(long extensionId, long tenantId, String contact, String callId, long cseq,
                      Instant registeredAt, Instant expiresAt, String userAgent, Flow source, String target,
                      List<String> path, Instant pingSentAt, boolean reachable) {

    public Binding {
        path = List.copyOf(path);
    }

    /** Seconds left before it lapses (never negative). */
    public long remaining(Instant now) {
        return Math.max(0, java.time.Duration.between(now, expiresAt).toSeconds());
    }

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    Binding withPing(Instant sentAt) {
        return new Binding(extensionId, tenantId, contact, callId, cseq, registeredAt, expiresAt, userAgent, source,
                target, path, sentAt, reachable);
    }

    Binding answered() {
        return new Binding(extensionId, tenantId, contact, callId, cseq, registeredAt, expiresAt, userAgent, source,
                target, path, Instant.EPOCH, true);
    }

    Binding unreachable() {
        return new Binding(extensionId, tenantId, contact, callId, cseq, registeredAt, expiresAt, userAgent, source,
                target, path, pingSentAt, false);
    }

    /** The source as the API and the database show it ({@link Flows#describe}). */
    public String sourceText() {
        return Flows.describe(source);
    }
}
