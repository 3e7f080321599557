package org.carillon.licensekey.activation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A human activation key, {@code CAR1-XXXXX-XXXXX-XXXXX-XXXXX-C}: the product+version prefix
 * {@code CAR1}, 100 random bits as 20 Crockford Base32 symbols in four groups of five, and one
 * mod-37 check symbol computed over those 20 symbols, which catches every single-symbol typo and every
 * adjacent transposition (the argument is in the module's README.md and in {@code KeyReader}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} returns the {@link #masked() masked} form so a key
 * that reaches a log by accident is not disclosed; use {@link #text()} for the full key.
 *
 * @param symbols the 20 canonical data symbols (upper case, no aliases, no hyphens)
 */
public record ActivationKey(String symbols) {

    /** Product ({@code CAR}) and key format version ({@code 1}). */
    public static final String PREFIX = "CAR1";
    /** Random bits carried by a key. */
    public static final int RANDOM_BITS = 100;
    /** Bytes {@link #fromRandomBytes} takes: 104 bits, of which the first 100 are used. */
    public static final int RANDOM_BYTES = 13;
    static final int DATA_SYMBOLS = 20;
    static final int GROUP = 5;

    /** @throws IllegalArgumentException unless {@code symbols} is 20 canonical data symbols */
    public ActivationKey {
        if (symbols.length() != DATA_SYMBOLS) {
            throw new IllegalArgumentException("an activation key has 20 data symbols");
        }
        for (int i = 0; i < symbols.length(); i++) {
            if (CrockfordBase32.DATA_SYMBOLS.indexOf(symbols.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a canonical data symbol at " + i);
            }
        }
    }

    /** A new key with 100 bits from {@code random} (use a {@link SecureRandom}; keys are bearer secrets). */
    public static ActivationKey generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return fromRandomBytes(bytes);
    }

    /**
     * The key for given random bytes: the 13 bytes read as one big-endian 104-bit number whose last
     * 4 bits are dropped, written as 20 base-32 digits, most significant first. Deterministic, so
     * golden vectors can pin it.
     *
     * @throws IllegalArgumentException unless exactly 13 bytes are given
     */
    public static ActivationKey fromRandomBytes(byte[] bytes) {
        if (bytes.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("need exactly " + RANDOM_BYTES + " random bytes");
        }
        BigInteger n = new BigInteger(1, bytes).shiftRight(RANDOM_BYTES * 8 - RANDOM_BITS);
        char[] out = new char[DATA_SYMBOLS];
        for (int i = DATA_SYMBOLS - 1; i >= 0; i--) {
            out[i] = CrockfordBase32.DATA_SYMBOLS.charAt(n.intValue() & 31);
            n = n.shiftRight(5);
        }
        return new ActivationKey(new String(out));
    }

    /**
     * Reads a key typed or pasted by a person, leniently: case-insensitive, {@code I}/{@code L} read as
     * {@code 1}, {@code O} as {@code 0}, hyphens and whitespace ignored.
     *
     * @throws InvalidActivationKeyException with a {@link InvalidActivationKeyException.Reason}
     */
    public static ActivationKey parse(CharSequence text) {
        return KeyReader.read(text);
    }

    /** The check symbol, one of {@link CrockfordBase32#CHECK_SYMBOLS}. */
    public char checkSymbol() {
        return CrockfordBase32.checkSymbolOf(symbols);
    }

    /** The full canonical key, {@code CAR1-XXXXX-XXXXX-XXXXX-XXXXX-C}. A secret: do not log it. */
    public String text() {
        StringBuilder b = new StringBuilder(PREFIX);
        for (int g = 0; g < DATA_SYMBOLS; g += GROUP) {
            b.append('-').append(symbols, g, g + GROUP);
        }
        return b.append('-').append(checkSymbol()).toString();
    }

    /**
     * The key for display, showing only the last group: {@code CAR1-*****-*****-*****-AB3DE-*}. The
     * check symbol is hidden as well, leaving 75 unknown bits.
     */
    public String masked() {
        return PREFIX + "-*****-*****-*****-" + symbols.substring(DATA_SYMBOLS - GROUP) + "-*";
    }

    /**
     * Lower-case hex SHA-256 of {@link #text()} (UTF-8), for storing and looking keys up without
     * keeping them. No salt is needed: 100 random bits cannot be found by guessing.
     */
    public String lookupHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The masked form, never the key itself. */
    @Override
    public String toString() {
        return masked();
    }
}
