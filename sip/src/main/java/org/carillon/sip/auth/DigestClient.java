package org.carillon.sip.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.carillon.sip.syntax.SipParseException;

/**
 * The client side of SIP digest authentication: picks the strongest challenge it supports from a
 * 401/407 and computes the Authorization / Proxy-Authorization value (RFC 7616 §3.4), counting
 * nonce uses per nonce. Used by the tests and by trunks registering upstream. Thread-safe.
 */
public final class DigestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final Supplier<String> cnonces;
    // nonce -> uses; only the last few nonces matter, so the map stays small
    private final Map<String, Long> nonceCounts = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 16;
        }
    };

    /** A client with random 16-byte hex cnonces. */
    public DigestClient(String username, String password) {
        this(username, password, DigestClient::randomCnonce);
    }

    /** A client with the given cnonce source (tests use a fixed one). */
    public DigestClient(String username, String password, Supplier<String> cnonces) {
        this.username = username;
        this.password = password;
        this.cnonces = cnonces;
    }

    private static String randomCnonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The strongest supported Digest challenge among {@code headerValues} (all the
     * WWW-Authenticate or Proxy-Authenticate values of a response); challenges with unknown
     * algorithms or other schemes are skipped.
     */
    public static Optional<DigestChallenge> pick(List<String> headerValues) {
        DigestChallenge best = null;
        for (String v : headerValues) {
            try {
                DigestChallenge c = DigestChallenge.parse(v);
                if (best == null || c.algorithm().ordinal() < best.algorithm().ordinal()) {
                    best = c;
                }
            } catch (SipParseException | UnsupportedAlgorithmException skipped) {
                // not a Digest challenge we can answer: another one may be
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The credentials answering {@code challenge} for a request.
     *
     * @param method request method
     * @param uri    the Request-URI as sent (digest-uri)
     */
    public DigestCredentials credentials(DigestChallenge challenge, String method, String uri) {
        DigestAlgorithm alg = challenge.algorithm();
        String ha1 = alg.base().ha1(username, challenge.realm(), password);
        Optional<String> qop = challenge.qopAuth() ? Optional.of("auth") : Optional.empty();
        Optional<String> nc = Optional.empty();
        Optional<String> cnonce = Optional.empty();
        if (qop.isPresent() || alg.isSession()) {
            cnonce = Optional.of(cnonces.get());
        }
        if (qop.isPresent()) {
            long count;
            synchronized (nonceCounts) {
                count = nonceCounts.merge(challenge.nonce(), 1L, Long::sum);
            }
            nc = Optional.of(String.format("%08x", count));
        }
        String response = DigestMath.response(alg, ha1, challenge.nonce(), nc, cnonce, qop, method, uri);
        return new DigestCredentials(username, challenge.realm(), challenge.nonce(), uri, response, alg.token(),
                qop, nc, cnonce, challenge.opaque());
    }

    /** Like {@link #credentials} but as the header value. */
    public String authorization(DigestChallenge challenge, String method, String uri) {
        return credentials(challenge, method, uri).toHeaderValue();
    }
}
