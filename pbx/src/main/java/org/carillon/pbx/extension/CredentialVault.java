package org.carillon.pbx.extension;

import org.carillon.platform.settings.DataDirectory;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts SIP passwords with AES-256-GCM under a key kept outside the database (SPEC §2.1): the file
 * {@code <data>/pbx/keys/credentials.key} (32 random bytes, mode 600, folder mode 700), created on first start. A
 * stolen database alone reveals no password. The username is the associated data, so a ciphertext copied to another
 * row does not decrypt.
 *
 * <p>Threads: thread-safe (a new {@link Cipher} per call).
 */
@Component
public class CredentialVault {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @org.springframework.beans.factory.annotation.Autowired
    public CredentialVault(DataDirectory data) {
        this(loadOrCreate(data.resolve("keys").resolve("credentials.key")));
    }

    CredentialVault(byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalStateException("credential key must be 32 bytes, found " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** @return base64 of nonce || ciphertext || tag */
    public String encrypt(String secret, String username) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws CredentialKeyException when the value was not sealed with this key for this username */
    public String decrypt(String sealed, String username) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new CredentialKeyException("cannot decrypt the SIP password of " + username
                    + ": the key file does not match the database");
        }
    }

    static byte[] loadOrCreate(Path file) {
        return KeyFiles.loadOrCreate(file, 32);
    }
}
