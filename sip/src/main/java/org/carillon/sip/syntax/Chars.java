package org.carillon.sip.syntax;

/**
 * Character classes of RFC 3261 §25.1, as bit tables over ASCII for branch-free checks.
 * Characters at or above 0x80 belong to no class here; callers that admit UTF-8 test that apart.
 */
public final class Chars {
    /** token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~". */
    public static final int TOKEN = 1;
    /** word: token characters plus ( ) < > : \ " / [ ] ? { } (Call-ID). */
    public static final int WORD = 2;
    /** unreserved: alphanum / mark (- _ . ! ~ * ' ( )). */
    public static final int UNRESERVED = 4;
    /** user-unreserved: & = + $ , ; ? / (userinfo, besides unreserved and escapes). */
    public static final int USER_UNRESERVED = 8;
    /** password characters besides unreserved and escapes: & = + $ ,. */
    public static final int PASSWORD = 16;
    /** param-unreserved: [ ] / : & + $ (URI parameters, besides unreserved and escapes). */
    public static final int PARAM_UNRESERVED = 32;
    /** hnv-unreserved: [ ] / ? : + $ (URI headers, besides unreserved and escapes). */
    public static final int HNV_UNRESERVED = 64;
    /** Characters of a host name, IPv4 address or bracketed IPv6 reference. */
    public static final int HOST = 128;
    /** Digits. */
    public static final int DIGIT = 256;
    /** uric of RFC 2396 (absoluteURI): reserved / unreserved ("%" handled apart). */
    public static final int URIC = 512;

    private static final int[] TABLE = new int[128];

    static {
        for (char c = '0'; c <= '9'; c++) set(c, TOKEN | WORD | UNRESERVED | HOST | DIGIT | URIC);
        for (char c = 'a'; c <= 'z'; c++) set(c, TOKEN | WORD | UNRESERVED | HOST | URIC);
        for (char c = 'A'; c <= 'Z'; c++) set(c, TOKEN | WORD | UNRESERVED | HOST | URIC);
        setAll("-.!%*_+`'~", TOKEN | WORD);
        setAll("()<>:\\\"/[]?{}", WORD);
        setAll("-_.!~*'()", UNRESERVED | URIC);
        setAll("&=+$,;?/", USER_UNRESERVED);
        setAll("&=+$,", PASSWORD);
        setAll("[]/:&+$", PARAM_UNRESERVED);
        setAll("[]/?:+$", HNV_UNRESERVED);
        setAll("-.:[]", HOST);
        setAll(";/?:@&=+$,", URIC);
    }

    private Chars() {
    }

    private static void set(char c, int bits) {
        TABLE[c] |= bits;
    }

    private static void setAll(String chars, int bits) {
        for (int i = 0; i < chars.length(); i++) {
            TABLE[chars.charAt(i)] |= bits;
        }
    }

    /** Whether {@code c} is in any of the classes in {@code mask}. */
    public static boolean is(int c, int mask) {
        return c < 128 && c >= 0 && (TABLE[c] & mask) != 0;
    }

    /** Whether {@code c} is a token character (RFC 3261 §25.1). */
    public static boolean isToken(int c) {
        return c < 128 && c >= 0 && (TABLE[c] & TOKEN) != 0;
    }

    /** Whether {@code c} is SP or HTAB. */
    public static boolean isWsp(int c) {
        return c == ' ' || c == '\t';
    }

    /** Whether {@code c} is a hexadecimal digit. */
    public static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether every character of {@code s} is a token character and {@code s} is not empty. */
    public static boolean isToken(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isToken(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
