package org.carillon.licensekey.file;

/**
 * The copy/paste form of a license file: the compact JWS between {@code -----BEGIN CARILLON LICENSE-----}
 * and {@code -----END CARILLON LICENSE-----} lines, wrapped at 64 columns, LF line ends, final newline.
 * Reading is tolerant: text around the block (an email's words), CRLF, indentation and blank lines are
 * ignored, and a bare compact JWS without the lines is accepted too. Stateless, thread-safe.
 */
public final class LicenseArmour {

    /** The first line. */
    public static final String BEGIN = "-----BEGIN CARILLON LICENSE-----";
    /** The last line. */
    public static final String END = "-----END CARILLON LICENSE-----";
    /** Characters per body line. */
    public static final int WIDTH = 64;

    private LicenseArmour() {
    }

    /** Armours a compact JWS. */
    public static String armour(String compact) {
        StringBuilder b = new StringBuilder(compact.length() + 100).append(BEGIN).append('\n');
        for (int i = 0; i < compact.length(); i += WIDTH) {
            b.append(compact, i, Math.min(compact.length(), i + WIDTH)).append('\n');
        }
        return b.append(END).append('\n').toString();
    }

    /**
     * The compact JWS inside armoured (or bare) text, with all whitespace removed.
     *
     * @throws IllegalArgumentException if the BEGIN line has no END line after it, or there is nothing inside
     */
    public static String dearmour(String text) {
        int begin = text.indexOf(BEGIN);
        String body;
        if (begin < 0) {
            if (text.contains(END)) {
                throw new IllegalArgumentException("the license has an END line but no BEGIN line");
            }
            body = text;
        } else {
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw new IllegalArgumentException("the license has no END line; was it copied completely?");
            }
            body = text.substring(begin + BEGIN.length(), end);
        }
        StringBuilder compact = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        if (compact.isEmpty()) {
            throw new IllegalArgumentException("the license text is empty");
        }
        return compact.toString();
    }
}
