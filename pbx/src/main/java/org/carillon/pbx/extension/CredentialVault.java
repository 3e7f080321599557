package org.carillon.pbx.extension;

import org.carillon.platform.settings.DataDirectory;
import org.springframework.stereotype.Component;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Encrypts SIP passwords with AES-256-GCM under a key kept outside the database (SPEC §2.1): the file
 * {@code <data>/pbx/keys/credentials.key} (32 random bytes, mode 600, folder mode 700), created on first start. A
 * stolen database alone reveals no password. The username is the associated data, so a ciphertext copied to another
 * row does not decrypt.
 *
 * <p>Threads: thread-safe ({@link SecretBox}).
 */
@Component
public class CredentialVault {
    private final SecretBox box;

    @org.springframework.beans.factory.annotation.Autowired
    public CredentialVault(DataDirectory data) {
        this(loadOrCreate(data.resolve("keys").resolve("credentials.key")));
    }

    CredentialVault(byte[] keyBytes) {
        this.box = new SecretBox(keyBytes, "credential");
    }

    /** @return base64 of nonce || ciphertext || tag */
    public String encrypt(String secret, String username) {
        return box.seal(secret, username);
    }

    /** @throws CredentialKeyException when the value was not sealed with this key for this username */
    public String decrypt(String sealed, String username) {
        try {
            return box.open(sealed, username);
        } catch (GeneralSecurityException e) {
            throw new CredentialKeyException("cannot decrypt the SIP password of " + username
                    + ": the key file does not match the database");
        }
    }

    static byte[] loadOrCreate(Path file) {
        return KeyFiles.loadOrCreate(file, 32);
    }
}
