package org.carillon.portal.activation;

import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * The key that signs license files: the PEM file named by {@code CARILLON_LICENSE_SIGNING_KEY} (its key id is the
 * file name without {@code .private.pem}; the matching public key must be compiled into the PBX), kept outside the
 * database and the repository. Without it the portal signs with the development key, which a PBX trusts only with
 * {@code CARILLON_DEV_LICENSES=true}.
 */
@Component
public class SigningKey {
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private final PrivateKey key;
    private final String kid;

    public SigningKey(Settings settings) {
        var file = settings.optional("CARILLON_LICENSE_SIGNING_KEY");
        if (file.isEmpty()) {
            this.key = DevelopmentKey.privateKey();
            this.kid = DevelopmentKey.KID;
            log.warn("Signing license files with the development key ({}): PBXs accept them only with "
                    + "CARILLON_DEV_LICENSES=true. Set CARILLON_LICENSE_SIGNING_KEY in production.", kid);
            return;
        }
        Path path = Path.of(file.get());
        if (!Files.isReadable(path)) {
            throw new InvalidSettingException("CARILLON_LICENSE_SIGNING_KEY", "cannot read " + path);
        }
        try {
            this.key = Ed25519Keys.readPrivateKey(path);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("CARILLON_LICENSE_SIGNING_KEY", path + " is not an Ed25519 private key PEM");
        }
        String name = path.getFileName().toString();
        this.kid = name.endsWith(".private.pem") ? name.substring(0, name.length() - ".private.pem".length()) : name;
    }

    public PrivateKey key() {
        return key;
    }

    public String kid() {
        return kid;
    }

    public boolean development() {
        return DevelopmentKey.KID.equals(kid);
    }
}
