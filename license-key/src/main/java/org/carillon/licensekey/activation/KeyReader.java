package org.carillon.licensekey.activation;

import org.carillon.licensekey.activation.InvalidActivationKeyException.Reason;

/**
 * Lenient reading of an activation key as people type it: case-insensitive, {@code I}/{@code L} read
 * as {@code 1}, {@code O} as {@code 0}, hyphens and whitespace anywhere are ignored.
 *
 * <h2>Why the check symbol catches every single typo and every adjacent swap</h2>
 * The 20 data symbols spell a number {@code N = sum d_k * 32^k}; the check symbol is {@code N mod 37}.
 * <ul>
 *   <li>Changing one data symbol {@code d -> d'} changes N by {@code (d'-d) * 32^k}. 37 is prime, it
 *       divides neither {@code 32^k} nor any {@code d'-d} with {@code 0 < |d'-d| < 32}, so N mod 37 changes.
 *   <li>Swapping neighbours {@code a b -> b a} (at powers k+1, k) changes N by
 *       {@code (a-b) * 32^k * (32-1) = (a-b) * 31 * 32^k}; 37 divides none of the factors, so it is caught.
 *   <li>Changing the check symbol itself leaves a symbol that no longer matches N.
 *   <li>Swapping the last data symbol {@code x} with the check symbol {@code c}: the new check would have
 *       to be {@code 2c - x = x (mod 37)}, i.e. {@code c = x}, which is no swap; and if {@code c >= 32}
 *       the swap puts a check-only symbol among the data, which is a bad character.
 * </ul>
 * Typos in the prefix are caught because the prefix must read exactly {@code CAR1}.
 * {@code ActivationKeyTypoDetectionTest} checks all of this exhaustively on sample keys.
 */
final class KeyReader {

    /** Longer input is refused before any work: a key with generous spacing is well under this. */
    static final int MAX_INPUT = 100;
    private static final int PREFIX_LENGTH = ActivationKey.PREFIX.length();
    private static final int LENGTH = PREFIX_LENGTH + ActivationKey.DATA_SYMBOLS + 1;

    private KeyReader() {
    }

    static ActivationKey read(CharSequence text) {
        if (text.length() > MAX_INPUT) {
            throw new InvalidActivationKeyException(Reason.WRONG_LENGTH,
                    "an activation key has 25 symbols; this text is far longer");
        }
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (CrockfordBase32.checkValue(c) < 0) {
                throw new InvalidActivationKeyException(Reason.BAD_CHARACTER,
                        "'" + printable(c) + "' at position " + (i + 1) + " is not a key character");
            }
            s.append(CrockfordBase32.canonical(c));
        }
        if (s.length() != LENGTH) {
            throw new InvalidActivationKeyException(Reason.WRONG_LENGTH,
                    "an activation key has 25 symbols (CAR1, 20 more in four groups, 1 check); found " + s.length());
        }
        if (!s.substring(0, PREFIX_LENGTH).equals(ActivationKey.PREFIX)) {
            throw new InvalidActivationKeyException(Reason.WRONG_PREFIX,
                    "this is not a Carillon version 1 key (it must start with " + ActivationKey.PREFIX + ")");
        }
        String data = s.substring(PREFIX_LENGTH, LENGTH - 1);
        for (int i = 0; i < data.length(); i++) {
            if (CrockfordBase32.dataValue(data.charAt(i)) < 0) {
                throw new InvalidActivationKeyException(Reason.BAD_CHARACTER,
                        "'" + data.charAt(i) + "' may only be the last character of a key");
            }
        }
        char check = s.charAt(LENGTH - 1);
        if (CrockfordBase32.checkValue(check) != CrockfordBase32.checkValueOf(data)) {
            throw new InvalidActivationKeyException(Reason.BAD_CHECK,
                    "the key has a typo (its check character does not match); please compare it again");
        }
        return new ActivationKey(data);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }
}
