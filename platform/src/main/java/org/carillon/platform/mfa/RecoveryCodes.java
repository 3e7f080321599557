package org.carillon.platform.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes for when the authenticator is lost (SECURITY.md: 10 codes, stored hashed). Each code is
 * 10 symbols of Crockford-style base32 (50 random bits) shown as {@code XXXXX-XXXXX}; only the SHA-256 of its
 * normalised form is stored — 50 random bits need no slow hash, as nobody chose them.
 */
public final class RecoveryCodes {
    public static final int COUNT = 10;
    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private RecoveryCodes() {
    }

    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder sb = new StringBuilder(11);
            for (int j = 0; j < 10; j++) {
                if (j == 5) {
                    sb.append('-');
                }
                sb.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
            }
            codes.add(sb.toString());
        }
        return codes;
    }

    /** Whether {@code typed} looks like a recovery code (rather than a 6-digit TOTP code). */
    public static boolean plausible(String typed) {
        return typed != null && normalise(typed).length() == 10;
    }

    /** Hex SHA-256 of the code without hyphens or spaces, upper case, with I/L read as 1 and O as 0. */
    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('I', '1').replace('L', '1')
                .replace('O', '0');
    }
}
