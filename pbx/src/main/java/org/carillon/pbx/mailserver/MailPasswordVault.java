package org.carillon.pbx.mailserver;

import org.carillon.pbx.extension.KeyFiles;
import org.carillon.platform.settings.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the SMTP password with AES-256-GCM under {@code <data>/pbx/keys/mail.key} (32 random bytes, file mode 600,
 * folder mode 700, created on first use): the database alone does not reveal it. A fresh 12-byte nonce per value;
 * the associated data {@value #CONTEXT} ties a ciphertext to this use.
 *
 * <p>Threads: thread-safe (a new {@link Cipher} per call).
 */
@Component
public class MailPasswordVault {
    private static final String CONTEXT = "carillon mail server password";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public MailPasswordVault(DataDirectory data) {
        this(KeyFiles.loadOrCreate(data.resolve("keys").resolve("mail.key"), 32));
    }

    MailPasswordVault(byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalStateException("mail key must be 32 bytes, found " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** @return base64 of nonce || ciphertext || tag */
    public String seal(String password) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key (the key file was replaced) */
    public String open(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the mail server password: keys/mail.key does not match"
                    + " the database; enter the password again on Settings ▸ Mail server");
        }
    }
}
