package org.carillon.licensekey.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.carillon.licensekey.file.Verification.Accepted;
import org.carillon.licensekey.file.Verification.Rejected;
import org.carillon.licensekey.keypair.TrustedKeys;

/**
 * Verifies license files offline, for the PBX. In order: size and armour, three base64url segments, the
 * header (algorithm pinned to EdDSA: {@code none} and everything else refused), the key looked up by
 * {@code kid} in the {@link TrustedKeys} given here (never a key from the file), the Ed25519 signature,
 * and only then the payload, so unsigned input never reaches the payload reader. Then the
 * {@link Expectations}: installation, sequence and the file's own expiry against the injected clock.
 *
 * <p>Immutable and thread-safe. Never throws for bad input: every failure is a {@link Rejected} result.
 */
public final class LicenseVerifier {

    /** Longest text accepted (armour included); real files are about 1 KiB. */
    public static final int MAX_TEXT = 16 * 1024;

    private final TrustedKeys keys;
    private final Clock clock;

    /**
     * @param keys  the trusted keys by kid (compiled into the PBX)
     * @param clock the time source for the file-expiry check (a fake one in tests)
     */
    public LicenseVerifier(TrustedKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies armoured (or bare compact) license text. */
    public Verification verify(String text, Expectations expect) {
        if (text.length() > MAX_TEXT) {
            return reject(Rejection.MALFORMED, "this is far too long to be a license file");
        }
        String[] parts;
        JoseHeader header;
        try {
            parts = LicenseArmour.dearmour(text).split("\\.", -1);
            if (parts.length != 3) {
                return reject(Rejection.MALFORMED, "this is not a license file (it must have three dot-separated parts)");
            }
            header = JoseHeader.fromJson(utf8(Base64Url.decode(parts[0])));
        } catch (JoseHeader.WrongAlgorithm e) {
            return reject(Rejection.WRONG_ALGORITHM, "the license uses algorithm \"" + e.alg + "\"; only EdDSA is accepted");
        } catch (IllegalArgumentException | JsonException e) {
            return reject(Rejection.MALFORMED, "this is not a readable license file: " + e.getMessage());
        }
        var entry = keys.find(header.kid());
        if (entry.isEmpty()) {
            return reject(Rejection.UNKNOWN_KEY_ID, "the license is signed with key \"" + header.kid()
                    + "\", which this PBX does not trust");
        }
        if (!signatureMatches(parts, entry.get())) {
            return reject(Rejection.BAD_SIGNATURE, "the license's signature does not match; the file was altered or is not genuine");
        }
        License license;
        try {
            license = LicenseCodec.fromJson(utf8(Base64Url.decode(parts[1])));
        } catch (IllegalArgumentException | JsonException e) {
            return reject(Rejection.MALFORMED, "the license content is unreadable: " + e.getMessage());
        }
        boolean development = entry.get().trust() == TrustedKeys.Trust.DEVELOPMENT;
        return check(license, development, expect)
                .<Verification>map(r -> r)
                .orElseGet(() -> new Accepted(license, header.kid(), development));
    }

    private Optional<Rejected> check(License license, boolean development, Expectations expect) {
        if (license.installation().isEmpty() && !development) {
            return Optional.of(reject(Rejection.FINGERPRINT_MISMATCH,
                    "the license is not bound to an installation"));
        }
        if (license.installation().isPresent() && !license.installation().get().equals(expect.installation())) {
            return Optional.of(reject(Rejection.FINGERPRINT_MISMATCH, "the license is for another installation ("
                    + license.installation().get().shortForm() + "…, this one is " + expect.installation().shortForm() + "…)"));
        }
        // development files come and go in any order on a test box: no sequence check for them
        if (!development && license.sequence() < expect.minimumSequence()) {
            return Optional.of(reject(Rejection.OLDER_SEQUENCE, "the license file is older (number "
                    + license.sequence() + ") than the one installed (number " + expect.minimumSequence() + ")"));
        }
        Instant now = later(clock.instant(), expect.clockFloor());
        if (expect.enforceFileExpiry() && !now.isBefore(license.expiresAt())) {
            return Optional.of(reject(Rejection.EXPIRED_FILE, "the license file expired at "
                    + license.expiresAt() + "; get a fresh one from the portal"));
        }
        return Optional.empty();
    }

    private static boolean signatureMatches(String[] parts, TrustedKeys.Entry entry) {
        try {
            byte[] signature = Base64Url.decode(parts[2]);
            if (signature.length != 64) {
                return false;
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(entry.key());
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Rejected reject(Rejection reason, String message) {
        return new Rejected(reason, message);
    }
}
