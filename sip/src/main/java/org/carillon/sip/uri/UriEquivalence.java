package org.carillon.sip.uri;

import java.util.Optional;
import org.carillon.sip.syntax.Parameters;

/** RFC 3261 §19.1.4 comparison of SIP URIs. */
final class UriEquivalence {
    private static final String[] MUST_MATCH = {"user", "ttl", "method", "maddr", "transport"};

    private UriEquivalence() {
    }

    static boolean equivalent(SipUri a, SipUri b) {
        if (a.secure() != b.secure()
                || !unescaped(a.user()).equals(unescaped(b.user()))
                || !unescaped(a.password()).equals(unescaped(b.password()))
                || !a.host().equalsIgnoreCase(b.host())
                || !a.port().equals(b.port())) {
            return false;
        }
        for (String name : MUST_MATCH) {
            if (a.params().has(name) || b.params().has(name)) {
                if (!sameParam(a.params(), b.params(), name)) {
                    return false;
                }
            }
        }
        Parameters pa = a.params();
        for (int i = 0; i < pa.size(); i++) {
            String name = pa.name(i);
            if (b.params().has(name) && !sameParam(pa, b.params(), name)) {
                return false;
            }
        }
        return unescaped(a.headers()).equals(unescaped(b.headers()));
    }

    private static boolean sameParam(Parameters a, Parameters b, String name) {
        if (!a.has(name) || !b.has(name)) {
            return false;
        }
        return a.find(name).map(UriEquivalence::unescape).map(v -> v.toLowerCase(java.util.Locale.ROOT))
                .equals(b.find(name).map(UriEquivalence::unescape).map(v -> v.toLowerCase(java.util.Locale.ROOT)));
    }

    private static Optional<String> unescaped(Optional<String> s) {
        return s.map(UriEquivalence::unescape);
    }

    static String unescape(String s) {
        return Escapes.unescape(s);
    }
}
