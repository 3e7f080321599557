package org.carillon.sip.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the server knows about a user's secret: the password itself, or HA1 values per hash
 * (H(username:realm:password), RFC 7616 §3.4.2), which is how a registrar should store it.
 */
public sealed interface StoredCredential {

    /** HA1 for {@code base} (a non-session algorithm), if this credential can give it. */
    Optional<String> ha1(DigestAlgorithm base, String username, String realm);

    /** A credential holding the password. */
    static StoredCredential password(String password) {
        return new Password(password);
    }

    /** A credential holding HA1 hex values keyed by non-session algorithm. */
    static StoredCredential ha1(Map<DigestAlgorithm, String> ha1ByAlgorithm) {
        return new Ha1(new EnumMap<>(ha1ByAlgorithm));
    }

    /** The HA1 values of every supported hash for a password (to store instead of it). */
    static Map<DigestAlgorithm, String> ha1Values(String username, String realm, String password) {
        Map<DigestAlgorithm, String> m = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm a : new DigestAlgorithm[] {DigestAlgorithm.MD5, DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512_256}) {
            m.put(a, a.ha1(username, realm, password));
        }
        return m;
    }

    /** @param password the clear password */
    record Password(String password) implements StoredCredential {
        @Override
        public Optional<String> ha1(DigestAlgorithm base, String username, String realm) {
            return Optional.of(base.ha1(username, realm, password));
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** @param values HA1 hex by non-session algorithm */
    record Ha1(Map<DigestAlgorithm, String> values) implements StoredCredential {
        @Override
        public Optional<String> ha1(DigestAlgorithm base, String username, String realm) {
            return Optional.ofNullable(values.get(base));
        }

        @Override
        public String toString() {
            return "Ha1" + values.keySet();
        }
    }
}
