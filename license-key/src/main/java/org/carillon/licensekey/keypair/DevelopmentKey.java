package org.carillon.licensekey.keypair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The development license-signing key pair. Its private key is in the repository on purpose (named as
 * such), so anybody can sign with it: a PBX must trust {@link #KID} only when started with
 * {@code CARILLON_DEV_LICENSES=true}, and then shows a "development license" banner. Production key ids
 * differ and their private keys never enter the repository.
 */
public final class DevelopmentKey {

    /** The development key id. */
    public static final String KID = "carillon-dev-1";
    private static final String DIR = "/org/carillon/licensekey/keypair/";

    private DevelopmentKey() {
    }

    /** The development public key. */
    public static PublicKey publicKey() {
        return Ed25519Keys.readPublicKey(resource("development.public.pem"));
    }

    /** The development private key (not a secret; see the class comment). */
    public static PrivateKey privateKey() {
        return Ed25519Keys.readPrivateKey(resource("development.private.pem"));
    }

    /** {@code keys} plus the development key, trusted as {@link TrustedKeys.Trust#DEVELOPMENT}. */
    public static TrustedKeys trustedBy(TrustedKeys keys) {
        return keys.with(KID, publicKey(), TrustedKeys.Trust.DEVELOPMENT);
    }

    private static String resource(String name) {
        try (InputStream in = DevelopmentKey.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
