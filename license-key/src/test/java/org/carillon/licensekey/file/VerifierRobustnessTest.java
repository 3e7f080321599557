package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random damage to a genuine file and to JSON: always a result or a JsonException, never a crash. */
class VerifierRobustnessTest {

    private static final LicenseVerifier VERIFIER = new LicenseVerifier(Fixtures.trusted(),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private static final String GOOD = Fixtures.signer().sign(Fixtures.golden());

    @Test
    void damagedFilesAreRejectedNeverThrown() {
        Random random = new Random(9);
        for (int i = 0; i < 800; i++) {
            String damaged = damage(GOOD, random);
            if (damaged.equals(GOOD)) {
                continue;
            }
            Verification v = VERIFIER.verify(damaged, Expectations.forNewFile(Fixtures.HERE));
            if (v.accepted()) {
                // only whitespace-level changes outside the base64 text may keep a file valid
                assertThat(LicenseArmour.dearmour(damaged)).isEqualTo(LicenseArmour.dearmour(GOOD));
            }
        }
    }

    @Test
    void damagedHeadersAreRejectedNeverThrown() {
        Random random = new Random(11);
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"golden-test-1\",\"typ\":\"carillon-license\"}";
        String rest = LicenseArmour.dearmour(GOOD).substring(LicenseArmour.dearmour(GOOD).indexOf('.'));
        for (int i = 0; i < 1500; i++) {
            String h = damage(header, random);
            String text = Base64Url.encode(h.getBytes(StandardCharsets.UTF_8)) + rest;
            Verification v = VERIFIER.verify(text, Expectations.forNewFile(Fixtures.HERE));
            assertThat(v.accepted()).as(h).isEqualTo(h.equals(header));
        }
    }

    @Test
    void randomJsonTextOnlyEverFailsWithJsonException() {
        Random random = new Random(13);
        String json = LicenseCodec.toJson(Fixtures.golden());
        for (int i = 0; i < 5000; i++) {
            String damaged = damage(json, random);
            try {
                LicenseCodec.fromJson(damaged);
            } catch (JsonException expected) {
                // fine
            }
        }
        assertThatThrownBy(() -> JsonReader.read("\"\\u\u0663\u0663\u0663\u0663\"")).isInstanceOf(JsonException.class);
    }

    private static String damage(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        String pool = "{}[]\":,.-_ \r\n\\0123456789aeEu=+/" + s;
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, pool.charAt(random.nextInt(pool.length())));
                case 2 -> b.setCharAt(at, pool.charAt(random.nextInt(pool.length())));
                default -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(20));
                    b.insert(random.nextInt(b.length()), b.substring(at, end));
                }
            }
        }
        return b.toString();
    }
}
