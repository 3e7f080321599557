package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The golden vectors under {@code golden/}: signing the golden license with the test-only key gives the
 * checked-in text byte for byte (Ed25519 is deterministic), and altering any character of it is refused.
 */
class GoldenLicenseTest {

    private static final LicenseVerifier VERIFIER = new LicenseVerifier(Fixtures.trusted(),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void payloadSerialisesToTheGoldenJson() {
        assertThat(LicenseCodec.toJson(Fixtures.golden())).isEqualTo(Fixtures.resource("/golden/license-payload.json").strip());
    }

    @Test
    void signingTheGoldenLicenseGivesTheGoldenTextByteForByte() {
        assertThat(Fixtures.signer().sign(Fixtures.golden())).isEqualTo(Fixtures.resource("/golden/license.txt"));
    }

    @Test
    void theGoldenTextVerifiesAndReadsBackAsTheGoldenLicense() {
        Verification v = VERIFIER.verify(Fixtures.resource("/golden/license.txt"), Expectations.forNewFile(Fixtures.HERE));
        assertThat(v).isEqualTo(new Verification.Accepted(Fixtures.golden(), Fixtures.KID, false));
    }

    @Test
    void changingAnyCharacterOfHeaderPayloadOrSignatureIsRefused() {
        String compact = LicenseArmour.dearmour(Fixtures.resource("/golden/license.txt"));
        int tried = 0;
        for (int i = 0; i < compact.length(); i++) {
            if (compact.charAt(i) == '.') {
                continue;
            }
            // alternately the neighbour in the alphabet (low bit) and one far away (high bit)
            int at = BASE64URL.indexOf(compact.charAt(i));
            int delta = i % 2 == 0 ? 1 : 32;
            String tampered = compact.substring(0, i) + BASE64URL.charAt((at + delta) % 64) + compact.substring(i + 1);
            assertThat(VERIFIER.verify(tampered, Expectations.forNewFile(Fixtures.HERE)).accepted())
                    .as("character %d changed to %s", i, tampered.charAt(i)).isFalse();
            tried++;
        }
        assertThat(tried).isEqualTo(compact.length() - 2);
    }

    @Test
    void flippingABitInEveryByteOfTheDecodedSegmentsIsRefusedAsBadSignatureOrMalformed() {
        String[] parts = LicenseArmour.dearmour(Fixtures.resource("/golden/license.txt")).split("\\.");
        for (int part = 0; part < 3; part++) {
            byte[] bytes = Base64Url.decode(parts[part]);
            for (int i = 0; i < bytes.length; i++) {
                int bit = i % 8;
                byte[] copy = bytes.clone();
                copy[i] ^= (byte) (1 << bit);
                String[] altered = parts.clone();
                altered[part] = Base64Url.encode(copy);
                Verification v = VERIFIER.verify(String.join(".", altered), Expectations.forNewFile(Fixtures.HERE));
                assertThat(v).as("segment %d byte %d bit %d", part, i, bit).isInstanceOf(Verification.Rejected.class);
            }
        }
    }
}
