package org.carillon.pbx.extension;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals short secrets (SIP passwords, the SMTP password) with AES-256-GCM under a 32-byte key kept outside the
 * database ({@link KeyFiles}): a fresh 12-byte nonce per value, a 128-bit tag, and associated data that ties a sealed
 * value to its use (a username, a purpose), so a value copied elsewhere does not open. Sealed form: base64 of
 * nonce || ciphertext || tag.
 *
 * <p>Threads: thread-safe (a new {@link Cipher} per call).
 */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param what names the key in the error when it has the wrong size, e.g. {@code credential} */
    public SecretBox(byte[] keyBytes, String what) {
        if (keyBytes.length != 32) {
            throw new IllegalStateException(what + " key must be 32 bytes, found " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    public String seal(String secret, String associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws GeneralSecurityException when the value was not sealed with this key for this associated data */
    public String open(String sealed, String associated) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(sealed);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }
}
