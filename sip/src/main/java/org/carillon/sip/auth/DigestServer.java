package org.carillon.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server side of SIP digest authentication for one realm (RFC 3261 §22.4, RFC 7616,
 * RFC 8760).
 *
 * <p>{@link #challenges(boolean)} gives the WWW-Authenticate / Proxy-Authenticate values to put
 * in a 401/407: one per configured algorithm, strongest first (SHA-256 before MD5, RFC 8760 §2.4
 * and RFC 7616 §3.7), all with {@code qop="auth"} and one fresh nonce. {@link #verify} checks an
 * Authorization / Proxy-Authorization against the stored credential.
 *
 * <p>Thread-safe. Time comes from the injected {@link InstantSource}; memory is bounded by
 * {@code maxTrackedNonces}.
 */
public final class DigestServer {
    private final String realm;
    private final List<DigestAlgorithm> algorithms;
    private final NonceService nonces;
    private final NonceCounts counts;

    /**
     * @param realm            the realm (e.g. the PBX's SIP domain)
     * @param secret           at least 16 random bytes; nonces from another secret are refused
     * @param clock            time source for nonce issue and expiry
     * @param nonceLifetime    how long a nonce stays fresh
     * @param algorithms       algorithms to offer, in order of preference
     * @param maxTrackedNonces bound on the nonce-count replay table
     */
    public DigestServer(String realm, byte[] secret, InstantSource clock, Duration nonceLifetime,
                        List<DigestAlgorithm> algorithms, int maxTrackedNonces) {
        this.realm = Objects.requireNonNull(realm);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one algorithm");
        }
        this.algorithms = List.copyOf(algorithms);
        this.nonces = new NonceService(secret, realm, clock, nonceLifetime);
        this.counts = new NonceCounts(maxTrackedNonces);
    }

    /** SHA-256 then MD5, nonces fresh for 5 minutes, 10,000 tracked nonces. */
    public static DigestServer create(String realm, byte[] secret, InstantSource clock) {
        return new DigestServer(realm, secret, clock, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), 10_000);
    }

    /** The realm. */
    public String realm() {
        return realm;
    }

    /**
     * Challenge header values for a 401 or 407, one per algorithm, sharing a fresh nonce.
     *
     * @param stale true after a {@link Verification.Outcome#STALE} verification
     */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        List<String> out = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm a : algorithms) {
            out.add(new DigestChallenge(realm, nonce, Optional.empty(), a, true, stale).toHeaderValue());
        }
        return out;
    }

    /**
     * Checks credentials for a request.
     *
     * @param method the request method (ACK and CANCEL reuse the INVITE's credentials, RFC 3261 §22.1)
     * @param credentials parsed Authorization / Proxy-Authorization value
     * @param stored the user's stored credential, looked up by {@code credentials.username()}
     */
    public Verification verify(String method, DigestCredentials credentials, StoredCredential stored) {
        String user = credentials.username();
        if (!credentials.realm().equals(realm)) {
            return Verification.rejected(user, "wrong realm");
        }
        Optional<DigestAlgorithm> alg = DigestAlgorithm.fromToken(credentials.algorithm());
        if (alg.isEmpty() || !algorithms.contains(alg.get())) {
            return Verification.rejected(user, "unknown or unoffered algorithm " + credentials.algorithm());
        }
        if (!credentials.qop().map("auth"::equalsIgnoreCase).orElse(false)) {
            return Verification.rejected(user, "qop=auth required"); // we always offer it (RFC 7616 §3.3)
        }
        long nc = parseNc(credentials.nc().orElse(""));
        if (nc <= 0) {
            return Verification.rejected(user, "bad nonce count");
        }
        NonceService.State state = nonces.check(credentials.nonce());
        if (state == NonceService.State.INVALID) {
            return Verification.rejected(user, "nonce not issued by this server");
        }
        Optional<String> ha1 = stored.ha1(alg.get().base(), user, realm);
        if (ha1.isEmpty()) {
            return Verification.rejected(user, "no stored secret for " + alg.get());
        }
        String expected = DigestMath.response(alg.get(), ha1.get(), credentials.nonce(), credentials.nc(),
                credentials.cnonce(), credentials.qop(), method, credentials.uri());
        if (!constantTimeEquals(expected, credentials.response())) {
            return Verification.rejected(user, "wrong response");
        }
        if (state == NonceService.State.STALE) {
            return Verification.stale(user);
        }
        return switch (counts.record(credentials.nonce(), nc)) {
            case OK -> Verification.accepted(user);
            case REPLAY -> Verification.rejected(user, "replayed nonce count");
            case UNKNOWN -> Verification.stale(user); // not tracked any more: a new nonce is cheap
        };
    }

    private static long parseNc(String nc) {
        if (nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean constantTimeEquals(String expectedHex, String got) {
        byte[] a = expectedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] b = got.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }
}
