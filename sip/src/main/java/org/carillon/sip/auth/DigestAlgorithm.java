package org.carillon.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Digest algorithms of RFC 7616 §6.1 as registered for SIP by RFC 8760, with their session
 * ("-sess") variants. The hash of a string is the lower-case hex of its UTF-8 bytes' digest.
 */
public enum DigestAlgorithm {
    /** SHA-256 (RFC 7616, RFC 8760). Offered first. */
    SHA_256("SHA-256", "SHA-256", false),
    /** SHA-512/256 (RFC 7616, RFC 8760). */
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    /** MD5 (RFC 2617): what every deployed phone speaks. */
    MD5("MD5", "MD5", false),
    /** SHA-256 session variant. */
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    /** SHA-512/256 session variant. */
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true),
    /** MD5 session variant. */
    MD5_SESS("MD5-sess", "MD5", true);

    private static final DigestAlgorithm[] ALL = values(); // values() copies the array on every call

    private final String token;
    private final String jcaName;
    private final boolean session;
    /** Looked up on first use, then only cloned (see {@link #digest()}); a benign race may look it up twice. */
    private volatile MessageDigest prototype;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The {@code algorithm=} token. */
    public String token() {
        return token;
    }

    /** Whether this is a "-sess" variant (HA1 includes nonce and cnonce). */
    public boolean isSession() {
        return session;
    }

    /** The algorithm for an {@code algorithm=} token (case-insensitive), if known. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        for (DigestAlgorithm a : ALL) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Lower-case hex digest of the UTF-8 bytes of {@code s}. */
    public String hash(String s) {
        return HexFormat.of().formatHex(digest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fresh digest: a clone of one looked up once, because {@code MessageDigest.getInstance} searches the
     * providers on every call (a registrar hashes three times per REGISTER). The prototype is never updated, so
     * concurrent clones are safe.
     */
    private MessageDigest digest() {
        MessageDigest p = prototype;
        try {
            if (p == null) {
                p = MessageDigest.getInstance(jcaName);
                prototype = p;
            }
            return (MessageDigest) p.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(jcaName); // a provider whose digests cannot be cloned
            } catch (NoSuchAlgorithmException again) {
                throw new IllegalStateException("JDK lacks " + jcaName, again);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e); // every JDK 25 has these
        }
    }

    /** HA1 = H(username ":" realm ":" password) (RFC 7616 §3.4.2), before any -sess step. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }

    /** The non-session algorithm with the same hash (SHA-256 for SHA-256-sess). */
    public DigestAlgorithm base() {
        return switch (this) {
            case SHA_256_SESS -> SHA_256;
            case SHA_512_256_SESS -> SHA_512_256;
            case MD5_SESS -> MD5;
            default -> this;
        };
    }

    @Override
    public String toString() {
        return token;
    }
}
