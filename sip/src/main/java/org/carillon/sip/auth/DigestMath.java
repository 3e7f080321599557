package org.carillon.sip.auth;

import java.util.Optional;

/** The request-digest computation of RFC 7616 §3.4.1-§3.4.3 (qop=auth, or RFC 2069 without qop). */
final class DigestMath {
    private DigestMath() {
    }

    /**
     * @param algorithm  the algorithm named in the credentials
     * @param baseHa1    H(username:realm:password) with the algorithm's hash
     * @param qop        "auth" or empty (RFC 2069 compatibility)
     */
    static String response(DigestAlgorithm algorithm, String baseHa1, String nonce, Optional<String> nc,
                           Optional<String> cnonce, Optional<String> qop, String method, String uri) {
        String ha1 = algorithm.isSession() ? algorithm.hash(baseHa1 + ":" + nonce + ":" + cnonce.orElse("")) : baseHa1;
        String ha2 = algorithm.hash(method + ":" + uri);
        if (qop.isPresent()) {
            return algorithm.hash(ha1 + ":" + nonce + ":" + nc.orElse("") + ":" + cnonce.orElse("") + ":" + qop.get() + ":" + ha2);
        }
        return algorithm.hash(ha1 + ":" + nonce + ":" + ha2);
    }
}
