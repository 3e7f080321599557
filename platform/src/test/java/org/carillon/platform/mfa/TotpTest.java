package org.carillon.platform.mfa;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {
    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238AppendixBSha1Vectors() {
        // Time (s) → TOTP (8 digits), RFC 6238 Appendix B, SHA1 rows.
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471},
                {1234567890, 89005924}, {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] v : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(v[0]));
            assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(String.format("%08d", v[1]));
        }
    }

    @Test
    void rfc4226AppendixDGivesTheSixDigitHotpValues() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_SEED, counter)).isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsCodesOneStepEitherSideAndReportsWhichStep() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        long step = Totp.step(now);
        assertThat(Totp.match(secret, Totp.code(secret, step - 1), now, 1)).hasValue(step - 1);
        assertThat(Totp.match(secret, Totp.code(secret, step + 1), now, 1)).hasValue(step + 1);
        assertThat(Totp.match(secret, Totp.code(secret, step + 2), now, 1)).isEmpty();
        assertThat(Totp.match(secret, "12 34 5", now, 1)).isEmpty();
        assertThat(Totp.match(secret, null, now, 1)).isEmpty();
    }

    @Test
    void secretsAre160BitsAndBase32RoundTrips() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(20);
        String text = Base32.encode(secret);
        assertThat(text).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Base32.decode(text.toLowerCase())).isEqualTo(secret);
        // RFC 4648 §10 test vector.
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        String uri = Totp.uri("Carillon Portal", "ada@example.com", RFC_SEED);
        assertThat(uri).startsWith("otpauth://totp/Carillon%20Portal:ada%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
                .contains("&issuer=Carillon%20Portal").contains("&digits=6").contains("&period=30");
    }

    @Test
    void recoveryCodesAreTenDistinctAndHashNormalised() {
        var codes = RecoveryCodes.generate(new SecureRandom());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        String code = codes.getFirst();
        assertThat(RecoveryCodes.hash(code.toLowerCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(code));
        assertThat(RecoveryCodes.plausible(code)).isTrue();
        assertThat(RecoveryCodes.plausible("123456")).isFalse();
    }
}
