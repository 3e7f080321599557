package org.carillon.licensekey.file;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.licensekey.keypair.TrustedKeys;

/**
 * Signs licenses with one Ed25519 private key under one key id (used by the portal and the development
 * tool). The compact form is {@code base64url(header) "." base64url(payload) "." base64url(signature)}
 * where the signature is Ed25519 over the ASCII of the first two parts (RFC 7515 §5.1, RFC 8037 §3.1).
 * Ed25519 is deterministic, so the same license and key always give the same text. Thread-safe: a
 * {@link Signature} is created per call.
 */
public final class LicenseSigner {

    private final PrivateKey key;
    private final String kid;

    /** @throws IllegalArgumentException if the key is not Ed25519 or the kid is malformed */
    public LicenseSigner(PrivateKey key, String kid) {
        Ed25519Keys.requireEd25519(key);
        if (!TrustedKeys.KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("bad key id \"" + kid + "\"");
        }
        this.key = key;
        this.kid = kid;
    }

    /** The key id written into every header. */
    public String kid() {
        return kid;
    }

    /** The armoured license file (see {@link LicenseArmour}). */
    public String sign(License license) {
        return LicenseArmour.armour(signCompact(license));
    }

    /** The compact JWS, without armour. */
    public String signCompact(License license) {
        return signCompact(JoseHeader.forKid(kid).toJson(), LicenseCodec.toJson(license), key);
    }

    /** JWS compact serialisation of the given header and payload text (package-level for the RFC vectors). */
    static String signCompact(String headerJson, String payload, PrivateKey key) {
        String input = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64Url.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
