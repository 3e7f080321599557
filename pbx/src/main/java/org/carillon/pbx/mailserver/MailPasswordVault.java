package org.carillon.pbx.mailserver;

import org.carillon.pbx.extension.KeyFiles;
import org.carillon.pbx.extension.SecretBox;
import org.carillon.platform.settings.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import java.security.GeneralSecurityException;

/**
 * Encrypts the SMTP password with AES-256-GCM under {@code <data>/pbx/keys/mail.key} (32 random bytes, file mode 600,
 * folder mode 700, created on first use): the database alone does not reveal it. A fresh 12-byte nonce per value;
 * the associated data {@value #CONTEXT} ties a ciphertext to this use.
 *
 * <p>Threads: thread-safe ({@link SecretBox}).
 */
@Component
public class MailPasswordVault {
    private static final String CONTEXT = "carillon mail server password";
    private final SecretBox box;

    @Autowired
    public MailPasswordVault(DataDirectory data) {
        this(KeyFiles.loadOrCreate(data.resolve("keys").resolve("mail.key"), 32));
    }

    MailPasswordVault(byte[] keyBytes) {
        this.box = new SecretBox(keyBytes, "mail");
    }

    /** @return base64 of nonce || ciphertext || tag */
    public String seal(String password) {
        return box.seal(password, CONTEXT);
    }

    /** @throws IllegalStateException when the value was not sealed with this key (the key file was replaced) */
    public String open(String sealed) {
        try {
            return box.open(sealed, CONTEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the mail server password: keys/mail.key does not match"
                    + " the database; enter the password again on Settings ▸ Mail server");
        }
    }
}
