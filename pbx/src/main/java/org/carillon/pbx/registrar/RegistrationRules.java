package org.carillon.pbx.registrar;

import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RFC 3261 §10.3 steps 6–8 as a pure function: the bindings of one address of record before a REGISTER, the
 * request, and the time give the bindings after it (or a refusal). Adds {@link RegistrarSettings#maxContacts()}:
 * beyond it the oldest bindings are replaced.
 */
final class RegistrationRules {
    private final RegistrarSettings settings;

    RegistrationRules(RegistrarSettings settings) {
        this.settings = settings;
    }

    RegisterOutcome apply(long extensionId, long tenantId, List<Binding> before, RegisterRequest r, Instant now) {
        List<Binding> current = new ArrayList<>(before.stream().filter(b -> !b.expired(now)).toList());
        boolean changed = current.size() != before.size();
        if (r.wildcard()) {
            // §10.3 step 6: "*" only with Expires: 0 (and no other Contact, which the parser already ensured)
            if (r.expiresHeader().isEmpty() || r.expiresHeader().getAsLong() != 0) {
                return new RegisterOutcome.Rejected(400, 0);
            }
            for (Binding b : current) {
                if (b.callId().equals(r.callId()) && r.cseq() <= b.cseq()) {
                    return new RegisterOutcome.Rejected(500, 0);
                }
            }
            return new RegisterOutcome.Accepted(List.of(), changed || !current.isEmpty());
        }
        if (r.contacts().isEmpty()) {
            return new RegisterOutcome.Accepted(List.copyOf(current), changed); // a query (§10.2.3)
        }
        long[] expires = new long[r.contacts().size()];
        for (int i = 0; i < expires.length; i++) {
            var c = r.contacts().get(i);
            long e = c.expires().isPresent() ? c.expires().getAsLong()
                    : r.expiresHeader().orElse(settings.defaultExpires());
            if (e != 0 && e < settings.minExpires()) {
                return new RegisterOutcome.Rejected(423, settings.minExpires());
            }
            expires[i] = Math.min(e, settings.maxExpires());
        }
        for (int i = 0; i < expires.length; i++) {
            var c = r.contacts().get(i);
            int found = indexOf(current, c);
            if (found >= 0) {
                Binding old = current.get(found);
                if (old.callId().equals(r.callId()) && r.cseq() <= old.cseq()) {
                    return new RegisterOutcome.Rejected(500, 0);
                }
                current.remove(found);
                changed = true;
                if (expires[i] > 0) {
                    current.add(found, binding(extensionId, tenantId, c, r, now, expires[i], old.registeredAt()));
                }
            } else if (expires[i] > 0) {
                current.add(binding(extensionId, tenantId, c, r, now, expires[i], now));
                changed = true;
            }
        }
        if (current.size() > settings.maxContacts()) {
            // the oldest registrations give way; a refresh keeps its original registration time
            current.sort(Comparator.comparing(Binding::registeredAt));
            current = new ArrayList<>(current.subList(current.size() - settings.maxContacts(), current.size()));
        }
        return new RegisterOutcome.Accepted(List.copyOf(current), changed);
    }

    private static Binding binding(long extensionId, long tenantId, RegisterRequest.ContactSpec c, RegisterRequest r,
                                   Instant now, long expires, Instant registeredAt) {
        return new Binding(extensionId, tenantId, c.text(), r.callId(), r.cseq(), registeredAt,
                now.plusSeconds(expires), r.userAgent(), r.source(), c.target(), r.path(), Instant.EPOCH, true);
    }

    private static int indexOf(List<Binding> bindings, RegisterRequest.ContactSpec c) {
        for (int i = 0; i < bindings.size(); i++) {
            // a refresh usually repeats the Contact byte for byte: compare text before parsing
            if (bindings.get(i).contact().equals(c.text())) {
                return i;
            }
        }
        for (int i = 0; i < bindings.size(); i++) {
            if (sameUri(ContactText.parse(bindings.get(i).contact()), c.uri())) {
                return i;
            }
        }
        return -1;
    }

    /** §10.3 step 7 compares with the URI comparison rules of §19.1.4. */
    static boolean sameUri(Uri a, Uri b) {
        if (a instanceof SipUri x && b instanceof SipUri y) {
            return x.equivalent(y);
        }
        return a.toString().equals(b.toString());
    }
}
