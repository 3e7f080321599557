package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.carillon.licensekey.file.Verification.Accepted;
import org.carillon.licensekey.file.Verification.Rejected;
import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.licensekey.keypair.TrustedKeys;
import org.junit.jupiter.api.Test;

class LicenseVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final LicenseVerifier VERIFIER = verifier(Fixtures.trusted(), NOW);
    private static final String GOOD = Fixtures.signer().sign(Fixtures.golden());

    @Test
    void acceptsAGenuineFileForThisInstallation() {
        assertThat(VERIFIER.verify(GOOD, Expectations.forNewFile(Fixtures.HERE)).require()).isEqualTo(Fixtures.golden());
    }

    @Test
    void refusesAnAlteredPayloadAsBadSignature() {
        String[] parts = LicenseArmour.dearmour(GOOD).split("\\.");
        String payload = new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8).replace("\"extensions\":50", "\"extensions\":500");
        String forged = parts[0] + "." + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(VERIFIER.verify(forged, Expectations.forNewFile(Fixtures.HERE)), Rejection.BAD_SIGNATURE, "altered");
    }

    @Test
    void refusesAFileSignedByAnotherKeyUnderATrustedKidAsBadSignature() {
        var stranger = Ed25519Keys.generate(new SecureRandom());
        String forged = new LicenseSigner(stranger.getPrivate(), Fixtures.KID).sign(Fixtures.golden());
        assertRejected(VERIFIER.verify(forged, Expectations.forNewFile(Fixtures.HERE)), Rejection.BAD_SIGNATURE, "signature");
    }

    @Test
    void refusesAnUnknownKeyIdNamingIt() {
        String other = new LicenseSigner(Fixtures.privateKey(), "someone-else").sign(Fixtures.golden());
        assertRejected(VERIFIER.verify(other, Expectations.forNewFile(Fixtures.HERE)), Rejection.UNKNOWN_KEY_ID, "someone-else");
    }

    @Test
    void refusesTheDevelopmentKeyUnlessItIsTrusted() {
        String dev = new LicenseSigner(DevelopmentKey.privateKey(), DevelopmentKey.KID).sign(Fixtures.golden());
        assertRejected(VERIFIER.verify(dev, Expectations.forNewFile(Fixtures.HERE)), Rejection.UNKNOWN_KEY_ID, DevelopmentKey.KID);
        Verification v = verifier(DevelopmentKey.trustedBy(TrustedKeys.none()), NOW).verify(dev, Expectations.forNewFile(Fixtures.HERE));
        assertThat(v).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.development()).isTrue());
    }

    @Test
    void refusesAlgNoneAndOtherAlgorithmsBeforeLookingAtTheKey() {
        for (String alg : new String[] {"none", "HS256", "RS256", "ES256", "Ed25519", "eddsa"}) {
            String header = "{\"alg\":\"" + alg + "\",\"kid\":\"" + Fixtures.KID + "\",\"typ\":\"carillon-license\"}";
            String[] parts = LicenseArmour.dearmour(GOOD).split("\\.");
            String text = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."
                    + ("none".equals(alg) ? "" : parts[2]);
            assertRejected(VERIFIER.verify(text, Expectations.forNewFile(Fixtures.HERE)), Rejection.WRONG_ALGORITHM, "EdDSA");
        }
    }

    @Test
    void refusesAHeaderCarryingItsOwnKeyOrCriticalExtensions() {
        for (String extra : new String[] {",\"jwk\":{\"kty\":\"OKP\"}", ",\"jku\":\"https://evil\"", ",\"crit\":[\"exp\"]"}) {
            String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + Fixtures.KID + "\",\"typ\":\"carillon-license\"" + extra + "}";
            String text = LicenseSigner.signCompact(header, "{}", Fixtures.privateKey());
            assertRejected(VERIFIER.verify(text, Expectations.forNewFile(Fixtures.HERE)), Rejection.MALFORMED, "unexpected member");
        }
    }

    @Test
    void refusesAnotherInstallationsFile() {
        assertRejected(VERIFIER.verify(GOOD, Expectations.forNewFile(Fixtures.ELSEWHERE)),
                Rejection.FINGERPRINT_MISMATCH, "another installation");
    }

    @Test
    void refusesAnUnboundFileFromAProductionKey() {
        License unbound = new License(Fixtures.golden().licenseId(), "a", "b", "pro", Term.PERPETUAL,
                Fixtures.golden().entitlementStart(), java.util.Optional.empty(), 0, new Limits(1, 1, 1),
                java.util.List.of(), java.util.Optional.empty(), 1, Fixtures.ISSUED, Fixtures.EXPIRES);
        assertRejected(VERIFIER.verify(Fixtures.signer().sign(unbound), Expectations.forNewFile(Fixtures.HERE)),
                Rejection.FINGERPRINT_MISMATCH, "not bound");
    }

    @Test
    void refusesAnExpiredFileButStillReadsAnInstalledOne() {
        LicenseVerifier late = verifier(Fixtures.trusted(), Fixtures.EXPIRES);
        assertRejected(late.verify(GOOD, Expectations.forNewFile(Fixtures.HERE)), Rejection.EXPIRED_FILE, "expired");
        assertThat(late.verify(GOOD, Expectations.forInstalledFile(Fixtures.HERE)).accepted()).isTrue();
        assertThat(verifier(Fixtures.trusted(), Fixtures.EXPIRES.minusSeconds(1))
                .verify(GOOD, Expectations.forNewFile(Fixtures.HERE)).accepted()).isTrue();
    }

    @Test
    void aClockSetBackDoesNotReviveAnExpiredFile() {
        Expectations e = Expectations.forNewFile(Fixtures.HERE).withClockFloor(Fixtures.EXPIRES.plusSeconds(60));
        assertRejected(VERIFIER.verify(GOOD, e), Rejection.EXPIRED_FILE, "expired");
    }

    @Test
    void refusesAnOlderSequenceNumberButAcceptsTheSameOne() {
        assertRejected(VERIFIER.verify(GOOD, Expectations.forNewFile(Fixtures.HERE).withMinimumSequence(8)),
                Rejection.OLDER_SEQUENCE, "older");
        assertThat(VERIFIER.verify(GOOD, Expectations.forNewFile(Fixtures.HERE).withMinimumSequence(7)).accepted()).isTrue();
    }

    @Test
    void appliesNoSequenceCheckToDevelopmentFiles() {
        String dev = new LicenseSigner(DevelopmentKey.privateKey(), DevelopmentKey.KID).sign(Fixtures.golden());
        Verification v = verifier(DevelopmentKey.trustedBy(TrustedKeys.none()), NOW)
                .verify(dev, Expectations.forNewFile(Fixtures.HERE).withMinimumSequence(1_000_000));
        assertThat(v.accepted()).isTrue();
    }

    @Test
    void refusesGarbageAsMalformedWithoutThrowing() {
        for (String junk : new String[] {"", "hello", "a.b", "a.b.c.d", "...", "!!!.???.###",
                LicenseArmour.BEGIN + "\nabc", "x".repeat(LicenseVerifier.MAX_TEXT + 1),
                Base64Url.encode("[1]".getBytes(StandardCharsets.UTF_8)) + ".e30.AA",
                Base64Url.encode("{\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.AA"}) {
            assertThat(VERIFIER.verify(junk, Expectations.forNewFile(Fixtures.HERE)))
                    .as(junk.length() > 40 ? junk.substring(0, 40) : junk)
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(Rejection.MALFORMED));
        }
    }

    @Test
    void refusesASignedButUnreadablePayloadAsMalformed() {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + Fixtures.KID + "\",\"typ\":\"carillon-license\"}";
        String text = LicenseSigner.signCompact(header, "{\"licenseId\":\"x\"}", Fixtures.privateKey());
        assertRejected(VERIFIER.verify(text, Expectations.forNewFile(Fixtures.HERE)), Rejection.MALFORMED, "missing");
    }

    @Test
    void acceptsTheBareCompactFormAndAMessyPaste() {
        String compact = LicenseArmour.dearmour(GOOD);
        assertThat(VERIFIER.verify(compact, Expectations.forNewFile(Fixtures.HERE)).accepted()).isTrue();
        String messy = "Dear customer,\r\n\r\n  " + GOOD.replace("\n", "\r\n   ") + "\r\nRegards\r\n";
        assertThat(VERIFIER.verify(messy, Expectations.forNewFile(Fixtures.HERE)).accepted()).isTrue();
    }

    @Test
    void requireThrowsATypedExceptionForARejection() {
        assertThatThrownBy(() -> VERIFIER.verify("nope", Expectations.forNewFile(Fixtures.HERE)).require())
                .isInstanceOfSatisfying(LicenseRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.MALFORMED));
    }

    private static LicenseVerifier verifier(TrustedKeys keys, Instant now) {
        return new LicenseVerifier(keys, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertRejected(Verification v, Rejection reason, String messagePart) {
        assertThat(v).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.message()).contains(messagePart);
        });
    }
}
