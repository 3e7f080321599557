package org.carillon.licensekey.file;

import java.util.Base64;

/**
 * base64url without padding (RFC 7515 §2, RFC 4648 §5), decoded strictly: only the 64 URL-safe symbols,
 * and only the canonical encoding (unused trailing bits zero). The JDK decoder alone would accept several
 * spellings of the same bytes, which would let a signature segment be altered and still verify.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException unless {@code text} is canonical unpadded base64url */
    static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("'" + c + "' is not base64url");
            }
        }
        byte[] bytes = DECODER.decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical base64url encoding");
        }
        return bytes;
    }
}
