package org.carillon.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks server nonces (RFC 7616 §3.3, §5.4): {@code base64url(time ‖ random ‖
 * HMAC-SHA-256(secret, realm ‖ time ‖ random)[0..16])}. A nonce is only accepted from this
 * server (same secret and realm), and turns stale after {@code lifetime}. Stateless and
 * thread-safe; the clock is injected.
 */
final class NonceService {
    /** Result of checking a nonce. */
    enum State {
        /** Ours and within its lifetime. */
        FRESH,
        /** Ours but expired: answer with {@code stale=true}. */
        STALE,
        /** Not ours, tampered with, or from the future. */
        INVALID
    }

    private static final int TIME = 8;
    private static final int RANDOM = 8;
    private static final int MAC = 16;

    /** Keyed and fed the realm once; each MAC is computed on a clone (Mac.getInstance + init cost more than the MAC). */
    private final Mac prototype;
    private final InstantSource clock;
    private final long lifetimeMillis;
    private final SecureRandom random = new SecureRandom();

    NonceService(byte[] secret, String realm, InstantSource clock, Duration lifetime) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("nonce secret must have at least 16 bytes");
        }
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.clone(), "HmacSHA256"));
            prototype.update(realm.getBytes(StandardCharsets.UTF_8));
            prototype.clone(); // fail here, not per nonce, if the provider's Mac cannot be cloned
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("JDK lacks a cloneable HmacSHA256", e);
        }
        this.clock = clock;
        this.lifetimeMillis = lifetime.toMillis();
    }

    String issue() {
        ByteBuffer b = ByteBuffer.allocate(TIME + RANDOM + MAC);
        b.putLong(clock.millis());
        byte[] r = new byte[RANDOM];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), TIME + RANDOM));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    State check(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return State.INVALID;
        }
        if (raw.length != TIME + RANDOM + MAC) {
            return State.INVALID;
        }
        byte[] expected = mac(raw, TIME + RANDOM);
        byte[] got = java.util.Arrays.copyOfRange(raw, TIME + RANDOM, raw.length);
        if (!MessageDigest.isEqual(expected, got)) {
            return State.INVALID;
        }
        long issued = ByteBuffer.wrap(raw).getLong();
        long age = clock.millis() - issued;
        if (age < -1000) {
            return State.INVALID; // issued in the future: not by this clock
        }
        return age > lifetimeMillis ? State.STALE : State.FRESH;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            // the prototype is never changed after the constructor, so concurrent clones are safe
            Mac m = (Mac) prototype.clone();
            m.update(data, 0, length);
            return java.util.Arrays.copyOf(m.doFinal(), MAC);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 not cloneable", e); // checked in the constructor
        }
    }
}
