package org.carillon.licensekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.carillon.licensekey.file.Expectations;
import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseArmour;
import org.carillon.licensekey.file.LicenseVerifier;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.file.Verification;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.licensekey.keypair.TrustedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevLicenseToolTest {

    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final InstallationFingerprint ANY_PBX = InstallationFingerprint.of("m", "i");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsAnUnboundDevelopmentLicenseThatAPbxWithDevLicensesAccepts() {
        assertThat(run("--extensions", "60", "--days", "30")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(LicenseArmour.BEGIN).endsWith(LicenseArmour.END + "\n");
        Verification v = new LicenseVerifier(DevelopmentKey.trustedBy(TrustedKeys.none()), CLOCK)
                .verify(text, Expectations.forNewFile(ANY_PBX));
        assertThat(v).isInstanceOfSatisfying(Verification.Accepted.class, a -> {
            License l = a.license();
            assertThat(a.development()).isTrue();
            assertThat(l.limits()).isEqualTo(new Limits(60, Limits.UNLIMITED, Limits.UNLIMITED));
            assertThat(l.unbound()).isTrue();
            assertThat(l.entitlementStart()).isEqualTo(LocalDate.parse("2026-11-27"));
            assertThat(l.entitlementEnd()).contains(LocalDate.parse("2026-12-26"));
            assertThat(l.expiresAt()).isEqualTo(NOW.plusSeconds(30L * 86400));
            assertThat(l.sequence()).isEqualTo(NOW.getEpochSecond());
            assertThat(l.edition()).isEqualTo("development");
        });
    }

    @Test
    void aPbxWithoutDevLicensesRefusesIt() {
        run("--extensions", "5", "--days", "1");
        Verification v = new LicenseVerifier(TrustedKeys.none(), CLOCK)
                .verify(out.toString(StandardCharsets.UTF_8), Expectations.forNewFile(ANY_PBX));
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void signsWithAGivenKeyAndKidAndHonoursTheOptionalLimits(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519Keys.generate(new SecureRandom());
        Path key = Ed25519Keys.write(pair, dir, "staging");
        assertThat(run("--key", key.toString(), "--kid", "staging-1", "--extensions", "3", "--days", "2",
                "--features", "call_recording, contact_centre", "--concurrent-calls", "4", "--tenants", "2",
                "--fingerprint", ANY_PBX.value(), "--licensee", "Lab")).isZero();
        License l = new LicenseVerifier(TrustedKeys.none().with("staging-1", pair.getPublic(), TrustedKeys.Trust.PRODUCTION), CLOCK)
                .verify(out.toString(StandardCharsets.UTF_8), Expectations.forNewFile(ANY_PBX)).require();
        assertThat(l.limits()).isEqualTo(new Limits(3, 4, 2));
        assertThat(l.features()).containsExactly("call_recording", "contact_centre");
        assertThat(l.installation()).contains(ANY_PBX);
        assertThat(l.licensee()).isEqualTo("Lab");
    }

    @Test
    void explainsUsageMistakesWithExitCodeTwo() {
        for (String[] bad : new String[][] {{}, {"--extensions", "5"}, {"--extensions", "x", "--days", "1"},
                {"--extensions", "5", "--days", "0"}, {"--extensions", "5", "--days", "1", "--bogus", "1"},
                {"--extensions", "5", "--days", "1", "--kid", "k"}, {"--extensions", "-1", "--days", "1"},
                {"--extensions", "5", "--days", "1", "--key", "/nonexistent.pem", "--kid", "k"}}) {
            err.reset();
            assertThat(run(bad)).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
        }
    }

    private int run(String... args) {
        return DevLicenseTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }
}
