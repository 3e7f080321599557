package org.carillon.pbx.license;

import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.licensekey.keypair.TrustedKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The key table of the license verifier: the production keys compiled into the build
 * ({@code license/trusted-keys.properties}), plus the development key when {@code CARILLON_DEV_LICENSES=true}.
 * Never a key taken from a license file.
 */
final class PbxTrustedKeys {
    private PbxTrustedKeys() {
    }

    static TrustedKeys load(boolean developmentLicenses) {
        TrustedKeys keys = TrustedKeys.none();
        Properties table = new Properties();
        try (InputStream in = PbxTrustedKeys.class.getResourceAsStream("/license/trusted-keys.properties")) {
            if (in != null) {
                table.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String kid : table.stringPropertyNames()) {
            String pem = "-----BEGIN PUBLIC KEY-----\n" + table.getProperty(kid).trim() + "\n-----END PUBLIC KEY-----\n";
            keys = keys.with(kid, Ed25519Keys.readPublicKey(pem), TrustedKeys.Trust.PRODUCTION);
        }
        return developmentLicenses ? DevelopmentKey.trustedBy(keys) : keys;
    }
}
