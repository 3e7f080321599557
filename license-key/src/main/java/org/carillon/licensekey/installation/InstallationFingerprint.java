package org.carillon.licensekey.installation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies one PBX installation: lower-case hex SHA-256 (64 characters) over inputs the PBX supplies,
 * typically the machine id and an install id created in the data directory at first start. Only the
 * hash travels (activation requests, license files), never the inputs.
 *
 * <p>The hash is over a domain tag and each input's length and UTF-8 bytes, so {@code ("ab","c")} and
 * {@code ("a","bc")} differ. Inputs are trimmed and lower-cased first so that cosmetic differences in
 * how a machine id is read do not move the license. Immutable, thread-safe.
 *
 * @param value 64 lower-case hex characters
 */
public record InstallationFingerprint(String value) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final String DOMAIN = "carillon-installation-v1";

    /** @throws IllegalArgumentException unless {@code value} is 64 lower-case hex characters */
    public InstallationFingerprint {
        if (!HEX64.matcher(value).matches()) {
            throw new IllegalArgumentException("an installation fingerprint is 64 lower-case hex characters");
        }
    }

    /**
     * The fingerprint of the given inputs, in order (e.g. machine id, then install id).
     *
     * @throws IllegalArgumentException if no input is given or one is blank
     */
    public static InstallationFingerprint of(String... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a fingerprint needs at least one input");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
            for (String input : inputs) {
                String normal = input.strip().toLowerCase(Locale.ROOT);
                if (normal.isEmpty()) {
                    throw new IllegalArgumentException("a fingerprint input is blank");
                }
                byte[] bytes = normal.getBytes(StandardCharsets.UTF_8);
                sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8), (byte) bytes.length});
                sha.update(bytes);
            }
            return new InstallationFingerprint(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Reads a fingerprint sent by a PBX, tolerating surrounding whitespace and upper-case hex.
     *
     * @throws IllegalArgumentException if it is not 64 hex characters
     */
    public static InstallationFingerprint parse(String text) {
        return new InstallationFingerprint(text.strip().toLowerCase(Locale.ROOT));
    }

    /** A short form for display (first 12 hex characters); not unique enough to identify by. */
    public String shortForm() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
