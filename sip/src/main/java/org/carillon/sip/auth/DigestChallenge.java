package org.carillon.sip.auth;

import java.util.Optional;
import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.SipParseException;

/**
 * One Digest challenge of a WWW-Authenticate or Proxy-Authenticate header (RFC 7616 §3.3).
 *
 * @param realm     protection space, e.g. the PBX domain
 * @param nonce     server nonce
 * @param opaque    opaque value to echo, if any
 * @param algorithm digest algorithm; absent in the header means MD5
 * @param qopAuth   whether {@code qop} offers {@code auth}
 * @param stale     true when the previous request's nonce had expired (credentials were right)
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, DigestAlgorithm algorithm,
                              boolean qopAuth, boolean stale) {

    /** The header value: {@code Digest realm="...", nonce="...", algorithm=..., qop="auth"}. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder(160).append("Digest realm=").append(Cursor.quote(realm))
                .append(", nonce=").append(Cursor.quote(nonce));
        opaque.ifPresent(o -> b.append(", opaque=").append(Cursor.quote(o)));
        b.append(", algorithm=").append(algorithm.token());
        if (qopAuth) {
            b.append(", qop=\"auth\"");
        }
        if (stale) {
            b.append(", stale=TRUE");
        }
        return b.toString();
    }

    /**
     * Reads a Digest challenge.
     *
     * @throws SipParseException            (400) if the value is malformed or lacks realm/nonce
     * @throws UnsupportedAlgorithmException if the algorithm is not one of {@link DigestAlgorithm}
     */
    public static DigestChallenge parse(String headerValue) {
        AuthField f = AuthField.parse(headerValue);
        if (!f.isDigest()) {
            throw SipParseException.bad("not a Digest challenge: " + f.scheme());
        }
        String realm = f.params().find("realm").orElseThrow(() -> SipParseException.bad("challenge without realm"));
        String nonce = f.params().find("nonce").orElseThrow(() -> SipParseException.bad("challenge without nonce"));
        String alg = f.params().find("algorithm").orElse("MD5");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(alg).orElseThrow(() -> new UnsupportedAlgorithmException(alg));
        boolean auth = false;
        for (String q : f.params().find("qop").orElse("").split(",")) {
            auth |= q.strip().equalsIgnoreCase("auth");
        }
        boolean stale = f.params().find("stale").map(s -> s.equalsIgnoreCase("true")).orElse(false);
        return new DigestChallenge(realm, nonce, f.params().find("opaque"), algorithm, auth, stale);
    }
}
