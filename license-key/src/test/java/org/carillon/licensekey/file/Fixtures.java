package org.carillon.licensekey.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.licensekey.keypair.TrustedKeys;

/** The golden test key pair (TEST ONLY) and the golden license. */
final class Fixtures {

    static final String KID = "golden-test-1";
    static final InstallationFingerprint HERE = InstallationFingerprint.of("machine-id-0001", "install-id-0001");
    static final InstallationFingerprint ELSEWHERE = InstallationFingerprint.of("machine-id-0002", "install-id-0002");
    static final Instant ISSUED = Instant.parse("2026-11-26T12:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-12-26T12:00:00Z");

    private Fixtures() {
    }

    static License golden() {
        return License.builder()
                .licenseId("lic-0001")
                .accountId("acc-42")
                .licensee("Müller & \"Söhne\" GmbH")
                .edition("professional")
                .subscription(LocalDate.parse("2026-11-26"), LocalDate.parse("2027-11-25"))
                .graceDays(14)
                .limits(new Limits(50, 30, 1))
                .features(List.of("call_recording", "contact_centre"))
                .installation(HERE)
                .sequence(7)
                .validity(ISSUED, EXPIRES)
                .build();
    }

    static PrivateKey privateKey() {
        return Ed25519Keys.readPrivateKey(resource("/golden/test-only.private.pem"));
    }

    static PublicKey publicKey() {
        return Ed25519Keys.readPublicKey(resource("/golden/test-only.public.pem"));
    }

    static TrustedKeys trusted() {
        return TrustedKeys.none().with(KID, publicKey(), TrustedKeys.Trust.PRODUCTION);
    }

    static LicenseSigner signer() {
        return new LicenseSigner(privateKey(), KID);
    }

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
