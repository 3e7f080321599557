package org.carillon.licensekey.activation;

/**
 * Crockford's Base32 symbol set (https://www.crockford.com/base32.html) and its mod-37 check symbols.
 *
 * <p>Data symbols are {@code 0-9 A-Z} without {@code I L O U} (values 0..31). Decoding is lenient the
 * Crockford way: case-insensitive, {@code I} and {@code L} read as {@code 1}, {@code O} reads as
 * {@code 0}. The check alphabet adds {@code * ~ $ = U} for values 32..36. Stateless and thread-safe.
 */
public final class CrockfordBase32 {

    /** The 32 data symbols, index = value. */
    public static final String DATA_SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** The 37 check symbols, index = value (the data symbols followed by {@code *~$=U}). */
    public static final String CHECK_SYMBOLS = DATA_SYMBOLS + "*~$=U";
    /** The check modulus: the smallest prime greater than 32, which is what makes the check work. */
    public static final int CHECK_MODULUS = 37;

    private CrockfordBase32() {
    }

    /**
     * Value of one data symbol, read leniently.
     *
     * @return 0..31, or -1 when {@code c} is not a data symbol (check-only symbols included)
     */
    public static int dataValue(char c) {
        int v = checkValue(c);
        return v < 32 ? v : -1;
    }

    /**
     * Value of one check symbol, read leniently (data symbols are check symbols too).
     *
     * @return 0..36, or -1 when {@code c} is not a check symbol
     */
    public static int checkValue(char c) {
        char u = canonical(c);
        return CHECK_SYMBOLS.indexOf(u);
    }

    /** The canonical (upper-case, de-aliased) form of one symbol; other characters come back unchanged. */
    public static char canonical(char c) {
        if (c >= 'a' && c <= 'z') {
            c = (char) (c - 'a' + 'A');
        }
        return switch (c) {
            case 'I', 'L' -> '1';
            case 'O' -> '0';
            default -> c;
        };
    }

    /**
     * The check value of a string of data symbols: the number they spell (most significant first)
     * modulo 37. It is computed by Horner's rule so the 100-bit number never needs to exist.
     *
     * @throws IllegalArgumentException if {@code symbols} holds a character that is not a data symbol
     */
    public static int checkValueOf(CharSequence symbols) {
        int r = 0;
        for (int i = 0; i < symbols.length(); i++) {
            int v = dataValue(symbols.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a data symbol at " + i);
            }
            r = (r * 32 + v) % CHECK_MODULUS;
        }
        return r;
    }

    /** The check symbol for a string of data symbols (see {@link #checkValueOf}). */
    public static char checkSymbolOf(CharSequence symbols) {
        return CHECK_SYMBOLS.charAt(checkValueOf(symbols));
    }
}
